/**
 * haproxy's configuration for `npm run cluster` and the load run: round robin over the instances, each checked
 * every second on /api/health/ready (two failures take it out, two successes put it back), and a request that
 * could not reach an instance (connection refused) sent to another.
 */
export function haproxyConfig(balancerPort: number, instancePorts: number[]): string {
  return [
    "global",
    "  maxconn 4096",
    "defaults",
    "  mode http",
    "  timeout connect 2s",
    "  timeout client 60s",
    "  timeout server 60s",
    "  timeout http-keep-alive 10s",
    "  option redispatch",
    "  retries 2",
    // Only a connection that never opened: the request did not reach an instance, so sending it on repeats nothing.
    "  retry-on conn-failure",
    "frontend console",
    `  bind 127.0.0.1:${balancerPort}`,
    "  option forwardfor",
    "  default_backend instances",
    "backend instances",
    "  balance roundrobin",
    "  option httpchk GET /api/health/ready",
    "  http-check expect status 200",
    "  default-server inter 1s fall 2 rise 2",
    ...instancePorts.map((port, index) => `  server instance-${index + 1} 127.0.0.1:${port} check`),
    "",
  ].join("\n");
}
