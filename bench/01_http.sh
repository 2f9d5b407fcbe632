#!/usr/bin/env bash
# HTTP: `tongban serve` beside nginx serving the same bytes as static files, wrk at 64 connections.
# Endpoints: /healthz (inline), /api/v1/version (JSON, inline), /readyz (JSON from the database,
# through the worker pool). nginx runs in the foreground with its own prefix in a temp dir.
set -euo pipefail
CONNECTIONS=${CONNECTIONS:-64} DURATION=${DURATION:-8s} THREADS=${THREADS:-2}
work=$(mktemp -d /tmp/tongban-bench-http.XXXXXX)
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
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
nport=$(free_port)
cat >"$work/nginx.conf" <<CONF
worker_processes $(nproc);
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  server { listen 127.0.0.1:$nport; root $work/www; keepalive_requests 1000000; }
}
CONF
mkdir -p "$work/tmp"
chmod -R a+rX "$work"  # nginx workers run as nobody
nginx -p "$work" -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
sleep 0.5

# Runs wrk and prints "rps p50_ms p99_ms".
measure() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$1" >"$work/wrk.out" 2>&1
  python3 - "$work/wrk.out" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
def ms(label):
    m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s)" % label, t, re.M)
    v, unit = float(m.group(1)), m.group(2)
    return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
if errors: sys.exit("non-2xx responses: " + errors.group(1))
print(f"{rps:.0f} {ms('50'):.2f} {ms('99'):.2f}")
PY
}

for path in /healthz /api/v1/version /readyz; do
  read -r t_rps t_p50 t_p99 < <(measure "http://127.0.0.1:$port$path")
  read -r n_rps n_p50 n_p99 < <(measure "http://127.0.0.1:$nport$path")
  ratio=$(python3 -c "print(f'{$t_rps/$n_rps*100:.0f}%')")
  echo "| GET $path, $CONNECTIONS connections (req/s; p50/p99 ms) | $t_rps req/s; $t_p50/$t_p99 | nginx 1.22 static file, same bytes | $n_rps req/s; $n_p50/$n_p99 | $ratio of nginx |"
done
