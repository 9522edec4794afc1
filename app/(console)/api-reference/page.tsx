import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { openApiDocument } from "@/lib/api/openapi";
import { requireConsolePage } from "@/lib/auth/session";
import { InlineCode } from "./_components/inline-code";
import { SchemaFields } from "./_components/schema-fields";

export const metadata: Metadata = { title: "API reference" };

type Operation = {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters: { name: string; in: string; required: boolean; description?: string; schema: Record<string, unknown> }[];
  /** JSON for most endpoints; a file upload (the CSV import) names its own content type. */
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { description: string; content?: { "application/json": { schema: Record<string, unknown> } } }>;
};

const METHOD_STYLE: Record<string, string> = {
  get: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  post: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  put: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  delete: "bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-200",
};

/** The REST API's reference, rendered from the same OpenAPI document that /api/openapi.json serves. */
export default async function ApiReferencePage() {
  await requireConsolePage();
  const document = openApiDocument() as { info: { description: string }; tags: { name: string }[]; paths: Record<string, Record<string, Operation>> };
  const operations = Object.entries(document.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, operation]) => ({ path, method, operation })),
  );
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">API reference</h1>
        <div className="mt-1 max-w-3xl space-y-1 text-sm text-muted-foreground">
          {document.info.description.split("\n\n").map((line) => (
            <p key={line}>
              <InlineCode text={line} />
            </p>
          ))}
          <p>
            Machine-readable:{" "}
            <a className="underline" href="/api/openapi.json">
              /api/openapi.json
            </a>{" "}
            (OpenAPI 3.1).
          </p>
        </div>
      </div>
      <nav aria-label="API sections" className="flex flex-wrap gap-2">
        {document.tags.map((tag) => (
          <a key={tag.name} href={`#${encodeURIComponent(tag.name)}`} className="rounded-md border px-2 py-1 text-sm hover:bg-accent">
            {tag.name}
          </a>
        ))}
      </nav>
      {document.tags.map((tag) => (
        <section key={tag.name} id={encodeURIComponent(tag.name)} aria-labelledby={`tag-${encodeURIComponent(tag.name)}`} className="space-y-3">
          <h2 id={`tag-${encodeURIComponent(tag.name)}`} className="text-lg font-semibold">
            {tag.name}
          </h2>
          {operations
            .filter(({ operation }) => operation.tags.includes(tag.name))
            .map(({ path, method, operation }) => (
              <Card key={operation.operationId} aria-label={`${method.toUpperCase()} ${path}`}>
                <CardHeader>
                  <CardTitle className="flex flex-wrap items-center gap-2 text-base">
                    <span className={`rounded px-2 py-0.5 font-mono text-xs font-bold uppercase ${METHOD_STYLE[method] ?? ""}`}>{method}</span>
                    <code className="min-w-0 font-mono text-sm [overflow-wrap:anywhere]">{path}</code>
                    <span className="font-normal text-muted-foreground">
                      — <InlineCode text={operation.summary} />
                    </span>
                  </CardTitle>
                </CardHeader>
                <CardContent className="space-y-3">
                  {operation.description.split("\n\n").map((line) => (
                    <p key={line} className="text-sm text-muted-foreground">
                      <InlineCode text={line} />
                    </p>
                  ))}
                  {operation.parameters.length > 0 ? (
                    <div>
                      <h3 className="text-sm font-medium">Parameters</h3>
                      <ul className="space-y-1 border-l pl-3">
                        {operation.parameters.map((parameter) => (
                          <li key={`${parameter.in}-${parameter.name}`} className="text-sm">
                            <code className="font-semibold">{parameter.name}</code> <span className="text-muted-foreground">in {parameter.in}</span>
                            {parameter.required ? <span className="ml-2 text-xs font-medium text-destructive">required</span> : null}
                            {parameter.description ? (
                              <p className="text-xs text-muted-foreground">
                                <InlineCode text={parameter.description} />
                              </p>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                  {operation.requestBody
                    ? Object.entries(operation.requestBody.content).map(([contentType, body]) => (
                        <div key={contentType}>
                          {contentType === "application/json" ? (
                            <>
                              <h3 className="text-sm font-medium">Request body (JSON)</h3>
                              <SchemaFields schema={body.schema} />
                            </>
                          ) : (
                            <h3 className="text-sm font-medium">
                              Request body: the file itself, <code>{contentType}</code>
                            </h3>
                          )}
                        </div>
                      ))
                    : null}
                  <div>
                    <h3 className="text-sm font-medium">Responses</h3>
                    <ul className="space-y-2">
                      {Object.entries(operation.responses).map(([status, response]) => (
                        <li key={status} className="text-sm">
                          <Badge variant={status.startsWith("2") ? "success" : "outline"}>{status}</Badge> <InlineCode text={response.description} />
                          {status.startsWith("2") && response.content ? (
                            <div className="mt-1">
                              <SchemaFields schema={response.content["application/json"].schema} />
                            </div>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </div>
                </CardContent>
              </Card>
            ))}
        </section>
      ))}
    </div>
  );
}
