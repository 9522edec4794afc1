#!/usr/bin/env bash
# Starts Debian's PgBouncer (transaction mode) on 127.0.0.1:$1 in front of the local PostgreSQL, in the folder $2;
# prints nothing on success. PgBouncer refuses to run as root: as root, it runs as the postgres user.
set -euo pipefail
port="$1"
dir="$2"
mkdir -p "$dir"
sed -e "s#@DIR@#$dir#g" -e "s#@PORT@#$port#g" "$(dirname "$0")/pgbouncer.ini.template" > "$dir/pgbouncer.ini"
echo '"postgres" ""' > "$dir/users.txt"
if [ "$(id -u)" = 0 ]; then
  chown -R postgres "$dir"
  runuser -u postgres -- pgbouncer -d "$dir/pgbouncer.ini"
else
  pgbouncer -d "$dir/pgbouncer.ini"
fi
for _ in $(seq 1 50); do
  pg_isready -q -h 127.0.0.1 -p "$port" && exit 0
  sleep 0.1
done
echo "PgBouncer did not start on port $port; see $dir/pgbouncer.log" >&2
exit 1
