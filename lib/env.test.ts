/**
 * The environment is read in one place (lib/env.ts), with defaults and errors that name the variable, and
 * .env.example documents exactly what it reads.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { RATE_GROUPS } from "@/lib/api/rate-limit";
import { checkEnvironment, env, ENVIRONMENT, environmentProblems, rateLimitSetting } from "./env";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Variables the scripts read for themselves, and those only `npm start` and the test servers set. */
const SCRIPT_VARIABLES = ["SKIP_BUILD"];
const SET_BY_START = ["DATABASE_EMBEDDED", "ENABLE_TEST_CLOCK", "AUTH_TRUST_HOST"];
/** Where a direct read stays: the test harness, and the framework's own variables that Next.js inlines. */
const HARNESS = /^lib\/(testing|fuzz|authorization-matrix)\/|\.test\.tsx?$|^lib\/env\.ts$/;
const FRAMEWORK_READ = /process\.env\.(NODE_ENV|NEXT_RUNTIME|NEXT_PHASE)\b/g;

const saved = { ...process.env };
afterEach(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
});

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return filesUnder(path);
    return /\.(ts|tsx|mjs)$/.test(name) ? [path] : [];
  });
}

describe("lib/env.ts", () => {
  it("gives each setting its default when unset or empty", () => {
    for (const name of ["DATABASE_POOL_MAX", "SWITCH_TIME_LIMIT_MINUTES", "EMBEDDED_DATABASE_DIR", "ENABLE_TEST_CLOCK"]) {
      delete process.env[name];
    }
    process.env.DATABASE_POOL_MAX = "";
    expect(env("DATABASE_POOL_MAX")).toBe(10);
    expect(env("SWITCH_TIME_LIMIT_MINUTES")).toBe(60);
    expect(env("EMBEDDED_DATABASE_DIR")).toBe(".data/pglite");
    expect(env("ENABLE_TEST_CLOCK")).toBe(false);
    expect(rateLimitSetting("customers")).toBeUndefined();
  });

  it("reads the values given", () => {
    Object.assign(process.env, { DATABASE_POOL_MAX: "4", SWITCH_TIME_LIMIT_MINUTES: "0.5", ENABLE_TEST_CLOCK: "1", API_RATE_LIMIT_CUSTOMERS: "7" });
    expect([env("DATABASE_POOL_MAX"), env("SWITCH_TIME_LIMIT_MINUTES"), env("ENABLE_TEST_CLOCK"), rateLimitSetting("customers")]).toEqual([4, 0.5, true, 7]);
  });

  it("names every bad variable at once, and never prints a value (a connection string may hold a password)", () => {
    Object.assign(process.env, {
      DATABASE_URL: "mysql://user:hunter2@db/console",
      DATABASE_POOL_MAX: "0",
      NEXTAUTH_URL: "console.example",
      SWITCH_TIME_LIMIT_MINUTES: "nonsense",
      ENABLE_TEST_CLOCK: "yes",
      API_RATE_LIMIT_COLLABORATORS: "-5",
    });
    const problems = environmentProblems();
    expect(problems.map((line) => line.split(":")[0])).toEqual([
      "DATABASE_URL",
      "DATABASE_POOL_MAX",
      "NEXTAUTH_URL",
      "SWITCH_TIME_LIMIT_MINUTES",
      "ENABLE_TEST_CLOCK",
      "API_RATE_LIMIT_COLLABORATORS",
    ]);
    expect(() => checkEnvironment()).toThrow(/SWITCH_TIME_LIMIT_MINUTES: expected a number of minutes/);
    expect(problems.join("\n")).not.toContain("hunter2");
    expect(() => env("DATABASE_POOL_MAX")).toThrow(/DATABASE_POOL_MAX/);
    expect(() => rateLimitSetting("collaborators")).toThrow(/API_RATE_LIMIT_COLLABORATORS/);
  });

  it("stops `npm start` before it opens anything, naming the variable", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: root,
      // Should the check ever stop working, the start it fails to stop touches only a throwaway folder.
      env: {
        ...saved,
        SWITCH_TIME_LIMIT_MINUTES: "soon",
        DATABASE_URL: "",
        EMBEDDED_DATABASE_DIR: mkdtempSync(join(tmpdir(), "env-check-")),
        SKIP_BUILD: "1",
        PORT: "3199",
      },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("SWITCH_TIME_LIMIT_MINUTES: expected a number of minutes");
  });
});

describe("reading the environment", () => {
  it("happens only in lib/env.ts: the app, lib, components, db and the proxy ask it", () => {
    const sources = [...["app", "lib", "components", "db"].flatMap(filesUnder), "proxy.ts", "instrumentation.ts"];
    const direct = sources
      .filter((file) => !HARNESS.test(file))
      .flatMap((file) =>
        readFileSync(join(root, file), "utf8")
          .split("\n")
          .flatMap((line, index) => (line.replace(FRAMEWORK_READ, "").includes("process.env") ? [`${relative(".", file)}:${index + 1}`] : [])),
      );
    expect(direct).toEqual([]);
  });

  it("is documented in .env.example, variable for variable", () => {
    const example = readFileSync(join(root, ".env.example"), "utf8");
    const documented = new Set([...example.matchAll(/^# ([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!));
    const read = [
      ...Object.keys(ENVIRONMENT).filter((name) => !SET_BY_START.includes(name)),
      ...Object.keys(RATE_GROUPS).map((group) => `API_RATE_LIMIT_${group.toUpperCase()}`),
      ...SCRIPT_VARIABLES,
    ];
    expect([...documented].sort()).toEqual([...read].sort());
    for (const name of SET_BY_START) expect(example).toContain(name);
  });
});
