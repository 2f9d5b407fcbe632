#!/usr/bin/env bash
# HTTP: `tongban serve` beside nginx serving the same bytes as static files, wrk at 64 connections.
# Endpoints: /healthz (inline), /api/v1/version (JSON, inline), /readyz (JSON from the database,
# through the worker pool). nginx runs in the foreground with its own prefix in a temp dir.
set -euo pipefail
CONNECTIONS=${CONNECTIONS:-64} DURATION=${DURATION:-8s} THREADS=${THREADS:-2}
work=$(mktemp -d /tmp/tongban-bench-http.XXXXXX)
source "$(dirname "$0")/lib.sh"
port=$(free_port)
TONGBAN_ACCESS_LOG=false "$TONGBAN_BIN" serve --db "sqlite://$work/bench.db" --port "$port" >"$work/tongban.log" 2>&1 &
tb_pid=$!
nginx_pid=
trap 'kill $tb_pid 2>/dev/null; [ -n "$nginx_pid" ] && kill $nginx_pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q 'listening on' "$work/tongban.log" && break; sleep 0.1; done

# The same bytes for nginx to serve.
mkdir -p "$work/www/api/v1" "$work/logs"
curl -s "http://127.0.0.1:$port/healthz" >"$work/www/healthz"
curl -s "http://127.0.0.1:$port/api/v1/version" >"$work/www/api/v1/version"
curl -s "http://127.0.0.1:$port/readyz" >"$work/www/readyz"
start_nginx "$work" "$work/www"
nport=$nginx_port

for path in /healthz /api/v1/version /readyz; do
  read -r t_rps t_p50 t_p99 < <(measure "http://127.0.0.1:$port$path")
  read -r n_rps n_p50 n_p99 < <(measure "http://127.0.0.1:$nport$path")
  ratio=$(python3 -c "print(f'{$t_rps/$n_rps*100:.0f}%')")
  echo "| GET $path, $CONNECTIONS connections (req/s; p50/p99 ms) | $t_rps req/s; $t_p50/$t_p99 | nginx 1.22 static file, same bytes | $n_rps req/s; $n_p50/$n_p99 | $ratio of nginx |"
done
