"use client";

import { Loader2 } from "lucide-react";
import { useRef, useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { MAX_IMPORT_BYTES, TOO_LARGE_MESSAGE } from "@/lib/customer-import/limits";
import type { ColumnMapping } from "@/lib/customer-import/mapping";
import type { ImportView } from "@/lib/customer-import/view";
import { ColumnMappingForm } from "./column-mapping";
import { ImportPreview } from "./import-preview";
import { ImportSummary } from "./import-summary";
import { StartImportForm } from "./start-import-form";
import { uploadFile } from "./upload-file";

/**
 * Import from CSV, one page: choose a file (checked on the server at once), adjust which column fills which field
 * (each change checks the file again), read the rows in error or download them, then start the import.
 */
export function ImportWizard() {
  const [file, setFile] = useState<File | null>(null);
  const [view, setView] = useState<ImportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  // Answers arrive in any order when the mapping changes quickly: only the latest request's answer counts.
  const latest = useRef(0);

  async function check(chosen: File, mapping: ColumnMapping | null) {
    const request = ++latest.current;
    setError(null);
    if (chosen.size > MAX_IMPORT_BYTES) {
      setView(null);
      setError(TOO_LARGE_MESSAGE);
      return;
    }
    setChecking(true);
    const answer = await uploadFile(chosen, mapping);
    if (request !== latest.current) return;
    setChecking(false);
    if (answer.ok) setView(answer.view);
    else {
      setView(null);
      setError(answer.error);
    }
  }

  return (
    <div className="space-y-6">
      <div className="max-w-md space-y-1">
        <Label htmlFor="import-file">CSV file</Label>
        <Input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby={error ? "import-file-error" : undefined}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            const chosen = event.target.files?.[0] ?? null;
            setFile(chosen);
            setView(null);
            if (chosen) void check(chosen, null);
          }}
        />
        {error ? (
          <p id="import-file-error" role="alert" className="text-sm text-destructive">
            {error}
          </p>
        ) : null}
      </div>
      {checking ? (
        <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
          <Loader2 aria-hidden className="size-4 animate-spin" />
          Checking every row…
        </p>
      ) : null}
      {view && file ? (
        <>
          <ColumnMappingForm header={view.header} mapping={view.mapping} disabled={checking} onChange={(mapping) => void check(file, mapping)} />
          {view.mappingProblems.length > 0 ? (
            <ul role="alert" className="space-y-1 text-sm text-destructive">
              {view.mappingProblems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
          <ImportPreview view={view} />
          {view.id !== null ? (
            <>
              <ImportSummary view={view} />
              <StartImportForm key={view.id} view={view} />
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
