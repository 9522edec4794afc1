import { InlineCode } from "./inline-code";

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  additionalProperties?: JsonSchema | boolean;
};

/** A readable type: `integer | string`, `array of object`, `"ok"`… */
export function typeOf(schema: JsonSchema): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (schema.anyOf) return [...new Set(schema.anyOf.map(typeOf))].join(" | ");
  if (schema.type === "array") return `array of ${schema.items ? typeOf(schema.items) : "any"}`;
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  return schema.type ?? "any";
}

function nested(schema: JsonSchema): JsonSchema | null {
  if (schema.properties) return schema;
  if (schema.items) return nested(schema.items);
  for (const option of schema.anyOf ?? []) {
    const found = nested(option);
    if (found) return found;
  }
  return null;
}

/** The fields of an object schema as a nested list: name, type, required, description. */
export function SchemaFields({ schema }: { schema: JsonSchema }) {
  const object = nested(schema);
  if (!object?.properties) return <p className="text-sm text-muted-foreground">{typeOf(schema)}</p>;
  return (
    <ul className="space-y-1.5 border-l pl-3">
      {Object.entries(object.properties).map(([name, property]) => {
        const child = nested(property);
        return (
          <li key={name} className="text-sm">
            <code className="font-semibold">{name}</code> <span className="text-muted-foreground">{typeOf(property)}</span>
            {object.required?.includes(name) ? <span className="ml-2 text-xs font-medium text-destructive">required</span> : null}
            {property.description ? (
              <p className="text-xs text-muted-foreground">
                <InlineCode text={property.description} />
              </p>
            ) : null}
            {child ? (
              <div className="mt-1">
                <SchemaFields schema={child} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
