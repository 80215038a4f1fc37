#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback in a temporary folder and prints
# its URL; `scripts/postgres.sh stop DIR` stops it and removes the folder.
# PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "${1:-}" = stop ]; then
  as_owner "$bin/pg_ctl" -D "$2/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$2"
  exit 0
fi
dir=$(mktemp -d /tmp/seedc-pg.XXXXXX)
chmod 755 "$dir"
[ "$(id -u)" -eq 0 ] && chown postgres "$dir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
# Every connection is trusted but one role's over TCP, which must give its password:
# PostgresConnectionTests checks that a wrong one is refused.
as_owner sed -i '1i host all seedc_password_check 127.0.0.1/32 scram-sha-256' "$dir/data/pg_hba.conf"
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null
echo "$dir postgresql://postgres@127.0.0.1:$port/postgres"
