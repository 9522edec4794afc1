/**
 * The OpenAPI document's descriptions are CommonMark, for the tools that read /api/openapi.json; of it they use only
 * `code` spans. Those read as code here, and never as raw backticks (issue 12). Text, never HTML.
 */
export function InlineCode({ text }: { text: string }) {
  // Splitting on a captured span puts the code at the odd indexes; an unpaired backtick stays as it is.
  const parts = text.split(/`([^`]+)`/);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <code key={index} className="rounded bg-muted px-1 py-0.5 font-mono text-[0.9em] text-foreground [overflow-wrap:anywhere]">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
