# Shared by the bench/NN_*.sh scripts (sourced): free ports, an nginx peer serving a directory,
# and wrk runs read into "rps p50_ms p99_ms".

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

# start_nginx WORK_DIR ROOT_DIR → sets nginx_pid and nginx_port. nginx runs in the foreground
# with its own prefix (TOOLING.md: no init system here).
start_nginx() {
  local work=$1 root=$2
  nginx_port=$(free_port)
  mkdir -p "$work/logs" "$work/tmp"
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
  server { listen 127.0.0.1:$nginx_port; root $root; keepalive_requests 1000000; }
}
CONF
  chmod -R a+rX "$work"  # nginx workers run as nobody
  nginx -p "$work" -c "$work/nginx.conf" -g 'daemon off;' &
  nginx_pid=$!
  sleep 0.5
}

# wait_listening LOG → the URL the server printed.
wait_listening() {
  for _ in $(seq 300); do grep -q 'listening on' "$1" && break; sleep 0.1; done
  grep -oP 'listening on \K\S+' "$1"
}

# measure URL [extra wrk args...] → "rps p50_ms p99_ms". Uses THREADS, CONNECTIONS, DURATION and
# a scratch file under $work.
measure() {
  local url=$1; shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url" >"$work/wrk.out" 2>&1
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
