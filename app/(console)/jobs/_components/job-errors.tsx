import type { BulkJobJson } from "@/components/bulk-jobs/job-query";
import { plural } from "@/lib/format";

function where(error: BulkJobJson["errors"][number]): string {
  if (error.line !== undefined) return `Line ${error.line}`;
  if (error.externalId !== undefined) return `External ID ${error.externalId}`;
  if (error.customerId !== undefined) return `Customer ${error.customerId}`;
  return "Job";
}

/** A job's first errors (it keeps a hundred), folded away under how many there are. */
export function JobErrors({ job }: { job: BulkJobJson }) {
  if (job.errors.length === 0) return null;
  return (
    <details className="my-1">
      <summary className="cursor-pointer text-sm">{plural(job.errors.length, "error")}</summary>
      <ul className="mt-1 max-h-48 space-y-1 overflow-y-auto text-xs">
        {job.errors.map((error, index) => (
          <li key={index}>
            <span className="font-medium">{where(error)}</span>
            {`: ${error.reason}`}
          </li>
        ))}
      </ul>
    </details>
  );
}
