/**
 * The load run's client keeps each answer with its own request when connections are cut mid-answer or closed with
 * no answer (what a killed instance behind haproxy does), and counts those requests as failures: autocannon, which
 * drove the run before, handed the later answers on such a connection to the request before them.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { driveLoad, type LoadAnswer, type LoadFailure, type LoadStep } from "./load-driver";

type Kind = "list" | "cut" | "update" | "dropped" | "create" | "slow";
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const id = String(request.headers["x-request-id"]);
    const body = JSON.stringify({ id, method: request.method, path: request.url, padding: "x".repeat(4_000) });
    request.resume();
    request.on("end", () => {
      if (request.url === "/dropped") return request.socket.destroy();
      if (request.url === "/slow") return setTimeout(() => response.end(body), 5_000);
      response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-request-id": id });
      // In two parts, as a streamed page: a killed instance cuts the answer between them.
      response.write(body.slice(0, 2_000));
      setTimeout(() => (request.url === "/cut" ? response.socket?.destroy() : response.end(body.slice(2_000))), 5);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the load run's client", () => {
  it("pairs every answer with its own request while connections are cut, and counts each cut request as a failure", { timeout: 20_000 }, async () => {
    const steps: LoadStep<Kind>[] = (
      [
        ["list", "GET", "/list"],
        ["cut", "GET", "/cut"],
        ["update", "PUT", "/update"],
        ["dropped", "POST", "/dropped"],
        ["create", "POST", "/create"],
        ["slow", "GET", "/slow"],
      ] as const
    ).map(([kind, method, path]) => ({
      kind,
      build: (n) => ({ method, path, headers: { "x-request-id": `r-${n}` }, body: method === "GET" ? undefined : "{}" }),
    }));
    const answers: LoadAnswer<Kind>[] = [];
    const failures: LoadFailure<Kind>[] = [];
    const { sent } = await driveLoad({
      origin,
      connections: 8,
      durationS: 2,
      timeoutS: 2,
      steps,
      onAnswer: (answer) => answers.push(answer),
      onFailure: (failure) => failures.push(failure),
    });

    expect(answers.length + failures.length).toBe(sent);
    expect(new Set(answers.map((answer) => answer.kind))).toEqual(new Set(["list", "update", "create"]));
    // Each answer is the one the server gave to that very request.
    for (const answer of answers) {
      const answered = JSON.parse(answer.body) as { id: string; method: string; path: string };
      expect(answered).toMatchObject({ id: answer.request.headers["x-request-id"], method: answer.request.method, path: answer.request.path });
      expect(answer.headers["x-request-id"]).toBe(answer.request.headers["x-request-id"]);
    }
    // Every request to a cut, dropped or hung connection is a failure, and says what happened.
    const byKind = (kind: Kind) => failures.filter((failure) => failure.kind === kind);
    expect(byKind("cut").length).toBeGreaterThan(0);
    expect(byKind("cut").every((failure) => failure.message === "answer cut off" && failure.headers !== null)).toBe(true);
    expect(byKind("dropped").length).toBeGreaterThan(0);
    expect(byKind("dropped").every((failure) => failure.headers === null)).toBe(true);
    expect(byKind("slow").length).toBeGreaterThan(0);
    expect(byKind("slow").every((failure) => failure.message === "timeout")).toBe(true);
    expect(failures.filter((failure) => ["list", "update", "create"].includes(failure.kind))).toEqual([]);
  });
});
