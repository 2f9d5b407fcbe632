#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests: initdb in a temp dir, listening on 127.0.0.1 on a
# free port, owned by the `postgres` user (initdb refuses root).
#   scripts/pg-cluster.sh start   → prints "DIR URL" (URL = postgresql://postgres@127.0.0.1:PORT/tongban)
#   scripts/pg-cluster.sh stop DIR → stops the server and removes DIR
#   scripts/pg-cluster.sh createdb DIR NAME [TEMPLATE] → another database in the same cluster (a copy of
#                                              TEMPLATE when given); prints its URL
set -euo pipefail
PG_BIN=/usr/lib/postgresql/15/bin
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

free_port() {
  python3 - <<'PY' 2>/dev/null || node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/tongban-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    as_postgres "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    port=$(free_port)
    # fsync off: a test cluster is thrown away, and durability costs seconds per suite here.
    as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=200" \
      start >/dev/null
    as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres tongban
    echo "$port" >"$dir/port"
    echo "$dir postgresql://postgres@127.0.0.1:$port/tongban"
    ;;
  createdb)
    dir=$2 name=$3 port=$(cat "$2/port")
    as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres ${4:+-T "$4"} "$name"
    echo "postgresql://postgres@127.0.0.1:$port/$name"
    ;;
  stop)
    dir=$2
    [ -d "$dir/data" ] && as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start | stop DIR | createdb DIR NAME" >&2; exit 2 ;;
esac
