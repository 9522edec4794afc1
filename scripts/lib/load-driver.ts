/**
 * The load run's client (`npm run load`): `connections` simulated clients, each going round the same steps one
 * request at a time on a keep-alive connection of its own, until the time is up. Each answer belongs to the
 * request that asked for it by construction (node:http, one request per callback, no pipelining).
 *
 * autocannon 8, which drove the run before, does not keep that pairing when a connection is cut mid-answer (an
 * instance killed behind haproxy): it reconnects without dropping the request that got no answer and without
 * resetting its HTTP parser, so every later answer on that connection went to the request before it
 * (lib/httpClient.js, the `end` and `error` handlers; docs/reliability.md has the reproduction), and the cut itself
 * was not counted as an error.
 */
import http from "node:http";

export interface LoadRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadStep<Kind extends string> {
  kind: Kind;
  /** The nth request of the run (numbered across steps); null skips the step this round. */
  build: (n: number) => LoadRequest | null;
}

export interface LoadAnswer<Kind extends string> {
  kind: Kind;
  /** The request this answers. */
  request: LoadRequest;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  startedAt: number;
  endedAt: number;
}

export interface LoadFailure<Kind extends string> {
  kind: Kind;
  request: LoadRequest;
  /** The socket's error, or "timeout" / "answer cut off" (the connection closed in the middle of the answer). */
  message: string;
  /** The answer's headers, when the failure came after them (the instance that was answering). */
  headers: http.IncomingHttpHeaders | null;
  startedAt: number;
  endedAt: number;
}

export interface LoadOptions<Kind extends string> {
  origin: string;
  connections: number;
  durationS: number;
  /** A request with no full answer after this long is a failure (a hang), and its connection is dropped. */
  timeoutS: number;
  steps: readonly LoadStep<Kind>[];
  onAnswer: (answer: LoadAnswer<Kind>) => void;
  onFailure: (failure: LoadFailure<Kind>) => void;
}

/** One request; settles with its answer or its failure, never throws. */
function send<Kind extends string>(agent: http.Agent, origin: string, kind: Kind, request: LoadRequest, timeoutMs: number) {
  const startedAt = Date.now();
  return new Promise<{ answer: LoadAnswer<Kind> } | { failure: LoadFailure<Kind> }>((resolve) => {
    let headers: http.IncomingHttpHeaders | null = null;
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outgoing.destroy();
      resolve({ failure: { kind, request, message, headers, startedAt, endedAt: Date.now() } });
    };
    const timer = setTimeout(() => fail("timeout"), timeoutMs);
    const outgoing = http.request(new URL(request.path, origin), { method: request.method, headers: request.headers, agent }, (response) => {
      headers = response.headers;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => {
        if (settled || !response.complete) return fail("answer cut off");
        settled = true;
        clearTimeout(timer);
        resolve({ answer: { kind, request, status: response.statusCode ?? 0, headers: response.headers, body, startedAt, endedAt: Date.now() } });
      });
      // Closed before its end: the connection was cut in the middle of the answer.
      response.on("error", () => fail("answer cut off"));
      response.on("close", () => fail("answer cut off"));
    });
    outgoing.on("error", (error: NodeJS.ErrnoException) => fail(error.code ?? error.message));
    outgoing.end(request.body);
  });
}

/** Runs the load; answers the number of requests sent, once the last one has its answer or its failure. */
export async function driveLoad<Kind extends string>(options: LoadOptions<Kind>): Promise<{ sent: number }> {
  // At most one request in flight per simulated client, so never more sockets than clients.
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const until = Date.now() + options.durationS * 1000;
  let sequence = 0;
  let sent = 0;
  const client = async () => {
    while (Date.now() < until) {
      for (const step of options.steps) {
        if (Date.now() >= until) break;
        const request = step.build(++sequence);
        if (!request) continue;
        sent += 1;
        const outcome = await send(agent, options.origin, step.kind, request, options.timeoutS * 1000);
        if ("answer" in outcome) options.onAnswer(outcome.answer);
        else options.onFailure(outcome.failure);
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, client));
  agent.destroy();
  return { sent };
}
