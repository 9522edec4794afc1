import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

const API_DIR = join(process.cwd(), "app/api");
/** Route handlers outside the REST API: sign-in, health check, the test clock, and the document itself. */
const NOT_REST = ["/api/auth/", "/api/health", "/api/test/", "/api/openapi.json"];
const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return name === "route.ts" ? [path] : [];
  });
}

function openApiPath(file: string): string {
  const segments = relative(join(process.cwd(), "app"), file).split("/").slice(0, -1);
  return `/${segments.map((segment) => segment.replace(/^\[(.+)\]$/, "{$1}")).join("/")}`;
}

type Operation = {
  operationId: string;
  parameters: { name: string; in: string; required: boolean; schema: object }[];
  responses: Record<string, unknown>;
  requestBody?: unknown;
};

describe("the OpenAPI document", () => {
  const document = openApiDocument() as {
    openapi: string;
    info: { title: string; version: string };
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, unknown> };
  };

  it("is an OpenAPI 3.1 document in shape: info, paths, declared path parameters, unique operation IDs, JSON responses", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.info.title).toBeTruthy();
    expect(document.info.version).toBeTruthy();
    const operationIds = new Set<string>();
    for (const [path, operations] of Object.entries(document.paths)) {
      expect(path.startsWith("/")).toBe(true);
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      for (const [method, operation] of Object.entries(operations)) {
        expect(["get", "put", "post", "delete", "patch"]).toContain(method);
        expect(operationIds.has(operation.operationId)).toBe(false);
        operationIds.add(operation.operationId);
        const declared = operation.parameters.filter((parameter) => parameter.in === "path").map((parameter) => parameter.name);
        expect(declared.sort(), `${method} ${path}`).toEqual([...templated].sort());
        for (const parameter of operation.parameters) expect(typeof parameter.schema).toBe("object");
        expect(Object.keys(operation.responses).some((status) => status.startsWith("2"))).toBe(true);
        for (const [status, response] of Object.entries(operation.responses)) {
          expect(status).toMatch(/^[1-5]\d\d$/);
          expect(response).toMatchObject({ description: expect.any(String) });
        }
      }
    }
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
    expect(document.components.schemas.Error).toMatchObject({ type: "object", required: ["message", "errors"] });
  });

  it("documents every REST route the app serves, with each exported method, and nothing more", async () => {
    const served = new Set<string>();
    for (const file of routeFiles(API_DIR)) {
      const path = openApiPath(file);
      if (NOT_REST.some((prefix) => path.startsWith(prefix))) continue;
      const routeModule = (await import(file)) as Record<string, unknown>;
      for (const method of METHODS) if (typeof routeModule[method] === "function") served.add(`${method.toLowerCase()} ${path}`);
    }
    const documented = new Set(Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`)));
    expect(served.size).toBeGreaterThan(5);
    expect([...documented].sort()).toEqual([...served].sort());
  });

  it("describes request bodies from the validating schemas: IDs as numbers or digit strings (rule A8)", () => {
    const create = document.paths["/api/managed_users"]!.post! as Operation & {
      requestBody: { content: { "application/json": { schema: { properties: Record<string, { anyOf?: unknown[] }>; required: string[] } } } };
    };
    const schema = create.requestBody.content["application/json"].schema;
    expect(schema.required.sort()).toEqual(["name", "notification_email"]);
    expect(schema.properties.plan_id!.anyOf).toHaveLength(2);
  });
});
