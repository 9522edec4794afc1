/** Whether a database error (possibly wrapped by Drizzle) is a unique violation of `constraint`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const candidate = current as { code?: string; constraint_name?: string; constraint?: string };
    if (candidate.code === "23505") return (candidate.constraint_name ?? candidate.constraint) === constraint;
  }
  return false;
}
