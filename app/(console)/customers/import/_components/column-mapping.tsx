"use client";

import { Label } from "@/components/ui/label";
import { selectTriggerClassName } from "@/components/ui/trigger-styles";
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ColumnMapping, type ImportField } from "@/lib/customer-import/mapping";

/** Which column fills each customer field; changing one validates the file again with the new match. */
export function ColumnMappingForm({
  header,
  mapping,
  disabled,
  onChange,
}: {
  header: string[];
  mapping: ColumnMapping;
  disabled: boolean;
  onChange: (mapping: ColumnMapping) => void;
}) {
  const choose = (field: ImportField, value: string) => {
    const column = value === "" ? null : Number(value);
    // A column fills one field: the field that had it lets it go.
    const next = Object.fromEntries(
      IMPORT_FIELDS.map((other) => [other, other !== field && mapping[other] === column ? null : mapping[other]]),
    ) as ColumnMapping;
    onChange({ ...next, [field]: column });
  };
  return (
    <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      <legend className="mb-2 text-sm font-medium">Columns</legend>
      {IMPORT_FIELDS.map((field) => (
        <div key={field} className="space-y-1">
          <Label htmlFor={`import-column-${field}`}>{IMPORT_FIELD_LABELS[field]}</Label>
          <select
            id={`import-column-${field}`}
            className={selectTriggerClassName + " h-9"}
            value={mapping[field] === null ? "" : String(mapping[field])}
            disabled={disabled}
            onChange={(event) => choose(field, event.target.value)}
          >
            <option value="">Not imported</option>
            {header.map((name, index) => (
              <option key={index} value={index}>
                {name === "" ? `Column ${index + 1}` : name}
              </option>
            ))}
          </select>
        </div>
      ))}
    </fieldset>
  );
}
