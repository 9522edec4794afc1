/**
 * Every command the domain exports, read from the source, never from a list kept by hand: an exported async
 * function (or async generator) of `lib/` whose first parameter is the request context `ctx`. The transports, the
 * authorization itself and the request plumbing are not commands; a few exported functions take the context without
 * being commands, each named in NOT_COMMANDS with why. The test fails on a new command that does not authorize first.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { ROOT } from "./routes";

const LIB = path.join(ROOT, "lib");

/**
 * Folders of `lib/` that hold no commands: the transports and what they stand on. The REST endpoints are scanned
 * all the same (`lib/api/endpoints`): a read or write kept in an adapter must authorize like any command.
 */
const NOT_DOMAIN = ["actions", "api", "auth", "authorization", "db", "observability", "transport"];
const ALSO_SCANNED = [path.join(LIB, "api", "endpoints")];

/** `file#export` → why it takes the context without being a command (it authorizes nothing and needs nothing). */
export const NOT_COMMANDS: Record<string, string> = {
  "lib/context.ts#inPartnerScope": "the partner-scoped transaction every command runs in",
  "lib/customers/commands/customer-command.ts#customerCommand": "the writes of a customer command, called after the command authorized",
  "lib/project-grants/reach.ts#reachOf": "an API client's environments and projects, read by commands after they authorized",
  "lib/api/endpoints/workspace-members.ts#requireDevelopmentReach":
    "the API client's environments (rule A10), checked by the REST adapter after the command's scope; to move into the commands",
  "lib/customer-import/run-for-bench.ts#runImportJob": "the benchmark's driver: starts the import through startImport, which authorizes",
  "lib/workspace/scope.ts#inWorkspace": "the workspace transaction, which re-reads the person's access inside it",
  "lib/workspace/context.ts#toWorkspaceContext": "authenticates a request inside a customer account (the workspace transport)",
  "lib/workspace-access/switch.ts#switchIntoCustomer":
    "moves a session between the accounts it is authenticated for; checks who may enter which customer itself (rules C7, U18)",
  "lib/workspace-access/switch.ts#switchToAnotherCustomer": "the same, from a customer account the session switched into",
  "lib/workspace-access/switch.ts#returnToPartnerAccount": "ends a switch: always allowed, also once the switch ran out",
  "lib/workspace-access/enterable.ts#searchEnterableCustomers": "the customers this person may switch into: only its own",
  "lib/workspace-access/enterable.ts#countEnterableCustomers": "how many customers this person may switch into",
  "lib/workspace-access/enterable.ts#searchOtherEnterableCustomers": "the same, from a customer account",
  "lib/workspace-access/switch-notice.ts#partnerLandingPath": "where a session lands in the partner account (navigation)",
  "lib/workspace-access/switch-notice.ts#justEndedSwitchNotice": "the notice of a switch that ended (navigation)",
  "lib/workspace-access/switch-notice.ts#switchEndedNotice": "the notice of a switch that ended (navigation)",
};

export interface Command {
  /** `lib/customers/settings.ts#changePlan`. */
  key: string;
  file: string;
  name: string;
  generator: boolean;
  /**
   * The permission of its first statement when that is `await authorize(ctx, "…")`; the expression's text when the
   * permission is computed from the input (`authorize(ctx, permissionToStart(input))`); else null.
   */
  permission: string | null;
  computed: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return dir === LIB && NOT_DOMAIN.includes(entry.name) ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
const isAsync = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);

/** The permission `await authorize(ctx, …)` names (or computes), when it is the body's first statement. */
function firstAuthorize(body: ts.Block | ts.ConciseBody | undefined): { permission: string; computed: boolean } | null {
  if (!body || !ts.isBlock(body)) return null;
  const first = body.statements[0];
  if (!first || !ts.isExpressionStatement(first) || !ts.isAwaitExpression(first.expression)) return null;
  const call = first.expression.expression;
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== "authorize") return null;
  const [ctx, permission] = call.arguments;
  if (!ctx || !ts.isIdentifier(ctx) || ctx.text !== "ctx" || !permission) return null;
  return ts.isStringLiteral(permission) ? { permission: permission.text, computed: false } : { permission: permission.getText(), computed: true };
}

type FunctionLike = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression;

const takesContext = (fn: FunctionLike) => {
  const first = fn.parameters[0];
  return !!first && ts.isIdentifier(first.name) && first.name.text === "ctx" && !!first.type && /Context\b/.test(first.type.getText());
};

export function domainCommands(): Command[] {
  const commands: Command[] = [];
  for (const full of [...sourceFiles(LIB), ...ALSO_SCANNED.flatMap(sourceFiles)]) {
    const file = path.relative(ROOT, full).split(path.sep).join("/");
    const source = ts.createSourceFile(full, readFileSync(full, "utf8"), ts.ScriptTarget.Latest, true);
    const found: { name: string; fn: FunctionLike }[] = [];
    for (const statement of source.statements) {
      if (!isExported(statement)) continue;
      if (ts.isFunctionDeclaration(statement) && statement.name) found.push({ name: statement.name.text, fn: statement });
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          const init = declaration.initializer;
          if (ts.isIdentifier(declaration.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)))
            found.push({ name: declaration.name.text, fn: init });
        }
      }
    }
    for (const { name, fn } of found) {
      if (!isAsync(fn) || !takesContext(fn)) continue;
      const key = `${file}#${name}`;
      if (key in NOT_COMMANDS) continue;
      const authorized = firstAuthorize(fn.body);
      commands.push({
        key,
        file: full,
        name,
        generator: !!fn.asteriskToken,
        permission: authorized?.permission ?? null,
        computed: authorized?.computed ?? false,
      });
    }
  }
  return commands.sort((a, b) => a.key.localeCompare(b.key));
}
