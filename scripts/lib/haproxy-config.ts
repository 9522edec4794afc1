/**
 * haproxy's configuration for `npm run cluster` and the load run: round robin over the instances, each checked
 * every second on /api/health/ready (two failures take it out, two successes put it back), and a request that
 * could not reach an instance (connection refused) sent to another. The load run asks for `X-Served-By` on every
 * answer, to count per instance.
 */
export function haproxyConfig(balancerPort: number, instancePorts: number[], options: { servedBy?: boolean; requestLog?: boolean } = {}): string {
  return [
    "global",
    "  maxconn 4096",
    // One line per request on standard output: its X-Request-Id, the instance it went to, the status and how it
    // ended (haproxy's termination state), so that a request cut off before any answer still has its instance.
    ...(options.requestLog ? ["  log stdout format raw local0 info"] : []),
    "defaults",
    "  mode http",
    "  timeout connect 2s",
    "  timeout client 60s",
    "  timeout server 60s",
    "  timeout http-keep-alive 10s",
    // A busy instance answers its check late, and a dead one refuses at once: only the dead one should be taken out.
    "  timeout check 3s",
    "  option redispatch",
    "  retries 2",
    // A connection that never opened, or one closed with no answer (its instance was killed mid-request), is tried
    // on another instance; the second only for GET and HEAD, which repeat nothing (a POST may have been written).
    "  retry-on conn-failure empty-response",
    "frontend console",
    `  bind 127.0.0.1:${balancerPort}`,
    "  option forwardfor",
    ...(options.requestLog ? ["  log global", "  http-request capture req.hdr(x-request-id) len 80", '  log-format "%[capture.req.hdr(0)] %s %ST %tsc"'] : []),
    "  http-request disable-l7-retry unless METH_GET",
    "  default_backend instances",
    // After the response, so that haproxy's own errors (a 502 for a request cut off by a killed instance) carry it too.
    ...(options.servedBy ? ["  http-after-response set-header X-Served-By %[srv_name]"] : []),
    "backend instances",
    "  balance roundrobin",
    // A fresh connection to an instance for every request: a request sent on a kept-alive connection to an instance
    // that was just killed fails with no answer, and a POST cannot be retried; a fresh connection is refused at once,
    // and a refused connection is retried on another instance (measured: 3 of 893 writes got a 502 that way).
    "  option http-server-close",
    "  option httpchk GET /api/health/ready",
    "  http-check expect status 200",
    "  default-server inter 1s fall 2 rise 2",
    ...instancePorts.map((port, index) => `  server instance-${index + 1} 127.0.0.1:${port} check`),
    "",
  ].join("\n");
}
