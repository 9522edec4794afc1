/**
 * The commands' half of the authorization matrix (issue 13): every command the domain exports (found in the source,
 * see ./commands.ts) says on its first line what it requires, `await authorize(ctx, "<permission>")`; the table
 * `## Commands` of docs/authorization-matrix.md lists each with its permission; and each one, called directly with
 * every context that lacks its permission, refuses with FORBIDDEN before it reads its input or the database.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { API_SCOPES } from "@/lib/api-clients/scopes";
import { refusalOf, type AuthorizeContext } from "@/lib/authorization/authorize";
import { PERMISSION_NAMES, type Permission } from "@/lib/authorization/permissions";
import { DomainError } from "@/lib/errors";
import { domainCommands } from "./commands";
import { MATRIX_FILE } from "./matrix-file";

const commands = domainCommands();

/** `## Commands`: `| \`file#export\` | \`permission\` |` rows. */
function documentedCommands(): Map<string, string> {
  const text = readFileSync(MATRIX_FILE, "utf8");
  const start = text.indexOf("\n## Commands\n");
  if (start < 0) throw new Error('docs/authorization-matrix.md has no "## Commands" section');
  const section = text.slice(start + 1).split(/\n## /)[0]!;
  const rows = section.split("\n").filter((line) => /^\|\s*`/.test(line));
  return new Map(
    rows.map((line) => {
      const [command, permission] = line
        .split("|")
        .slice(1, 3)
        .map((cell) => cell.trim().replace(/^`|`$/g, ""));
      return [command!, permission!];
    }),
  );
}

const base = {
  partnerId: 2_000_000_000,
  partnerName: "Nobody",
  now: new Date(),
  ip: null,
  userAgent: "vitest",
};
const person = (partnerRole: "admin" | "member" | null) => ({
  kind: "user" as const,
  userId: 2_000_000_000,
  name: "Pat",
  email: "pat@example.test",
  avatarUrl: "",
  partnerRole,
  sessionIdHash: "test",
});
const inside = { kind: "customer" as const, customerId: 2_000_000_000, customerName: "Nowhere", switchExpiresAt: null };
const client = (scopes: readonly string[]) => ({ kind: "api_client" as const, apiClientId: 2_000_000_000, name: "CRM sync", scopes: [...scopes] });

/** Every kind of caller, each with its access known, so that a refusal needs no database. */
const CALLERS: Record<string, AuthorizeContext> = {
  "partner admin": { ...base, actor: person("admin"), account: { kind: "partner" } },
  "partner member": { ...base, actor: person("member"), account: { kind: "partner" } },
  "Analyst inside a customer": { ...base, actor: person("member"), account: inside, workspace: { roleName: "Analyst", permissions: ["workspace.view"] } },
  "no role's permission inside a customer": { ...base, actor: person(null), account: inside, workspace: { roleName: "Nothing", permissions: [] } },
  "API client with every scope": { ...base, actor: client(API_SCOPES), account: { kind: "partner" } },
  "API client without scopes": { ...base, actor: client([]), account: { kind: "partner" } },
};

/** An argument that fails the test if the command looks at it before it authorized. */
const untouchable = new Proxy(
  {},
  {
    get: (_target, property) => {
      throw new Error(`read its input (${String(property)}) before authorizing`);
    },
  },
);

describe("every exported command authorizes on its first line", () => {
  it("finds the commands in the source (more than 90 of them)", () => {
    expect(commands.length).toBeGreaterThan(90);
  });

  it("each one's first statement is `await authorize(ctx, <a permission>)`", () => {
    const without = commands.filter((command) => command.permission === null).map((command) => command.key);
    expect(without, "commands that do not call authorize(ctx, …) first").toEqual([]);
    const unknown = commands.filter((command) => command.permission && !command.computed && !PERMISSION_NAMES.includes(command.permission as Permission));
    expect(
      unknown.map((command) => `${command.key}: ${command.permission}`),
      "permissions not in lib/authorization/permissions.ts",
    ).toEqual([]);
  });

  it("docs/authorization-matrix.md lists every command with its permission, and only those", () => {
    const documented = documentedCommands();
    const found = new Map(commands.map((command) => [command.key, command.permission ?? "(none)"]));
    expect(
      [...found].filter(([key, permission]) => documented.get(key) !== permission).map(([key, permission]) => `| \`${key}\` | \`${permission}\` |`),
      "rows to add or correct",
    ).toEqual([]);
    expect(
      [...documented.keys()].filter((key) => !found.has(key)),
      "rows for commands that do not exist",
    ).toEqual([]);
  });
});

describe("every command refuses a context that lacks its permission, called directly", () => {
  for (const command of commands) {
    it(command.key, async () => {
      expect(command.permission).not.toBeNull();
      const exports = (await import(/* @vite-ignore */ command.file)) as Record<string, (...args: unknown[]) => unknown>;
      const run = exports[command.name]!;
      if (command.computed) {
        // The permission depends on the input (which kind of job): a caller with no permission at all is refused.
        const result = run(CALLERS["API client without scopes"], {}, {}, {}, {});
        const error = await (command.generator ? (result as AsyncGenerator).next() : (result as Promise<unknown>)).then(
          () => null,
          (thrown: unknown) => thrown,
        );
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).code).toBe("FORBIDDEN");
        return;
      }
      const permission = command.permission as Permission;
      const lacking = Object.entries(CALLERS).flatMap(([who, ctx]) => {
        const refusal = refusalOf(ctx, permission);
        return refusal === null || refusal === "read access" ? [] : [{ who, ctx, refusal }];
      });
      expect(lacking.length, "callers that lack the permission").toBeGreaterThan(0);
      for (const { who, ctx, refusal } of lacking) {
        const result = run(ctx, untouchable, untouchable, untouchable, untouchable);
        const started = command.generator ? (result as AsyncGenerator).next() : (result as Promise<unknown>);
        const error = await started.then(
          () => null,
          (thrown: unknown) => thrown,
        );
        expect(error, `${who}: expected a refusal`).toBeInstanceOf(DomainError);
        expect({ who, code: (error as DomainError).code, message: (error as DomainError).message }).toEqual({ who, code: "FORBIDDEN", message: refusal });
      }
    });
  }
});
