#!/usr/bin/env bash
# Identity and calendar (issue 4, "Performance"):
#  - login requests/s: `tongban serve` on a `tongban demo` database, wrk POSTing the demo
#    administrator's right password (bench/login.lua), beside libsodium's raw
#    crypto_pwhash_str_verify rate at the same argon2id parameters (microbench, both cores);
#  - the authorisation a request pays: Principal::HasPermission, and the whole session-cookie
#    authenticator path against the same SQLite database (microbench; goal < 5 µs);
#  - AddWorkingDays calls/s beside npm chinese-workday's isWorkday in an add-N loop
#    (bench/workday_peer.mjs), on the same 100,000 (start, n) pairs; the answers are compared too.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
MICROBENCH=${MICROBENCH:-$BUILD_DIR/tongban_microbench}
CONNECTIONS=${CONNECTIONS:-64} DURATION=${DURATION:-10s} THREADS=${THREADS:-2}
work=$(mktemp -d /tmp/tongban-bench-identity.XXXXXX)
tb_pid=
trap '[ -n "$tb_pid" ] && kill $tb_pid 2>/dev/null; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }

db="sqlite://$work/identity.db"
"$TONGBAN_BIN" demo --db "$db" >"$work/demo.log" 2>&1

# ---- login over HTTP
port=$(free_port)
TONGBAN_ACCESS_LOG=false "$TONGBAN_BIN" serve --db "$db" --port "$port" >"$work/tongban.log" 2>&1 &
tb_pid=$!
for _ in $(seq 100); do grep -q 'listening on' "$work/tongban.log" && break; sleep 0.1; done
curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"username":"admin","password":"Tongban@2026"}' \
  "http://127.0.0.1:$port/api/v1/auth/login" || { echo "02_identity: the demo login failed" >&2; exit 1; }
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 30s --latency -s bench/login.lua \
  "http://127.0.0.1:$port/api/v1/auth/login" >"$work/wrk.out" 2>&1
kill $tb_pid; wait $tb_pid 2>/dev/null || true; tb_pid=
read -r login_rps login_p50 login_p99 < <(python3 - "$work/wrk.out" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
def ms(label):
    m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s)" % label, t, re.M)
    v, unit = float(m.group(1)), m.group(2)
    return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
if errors: sys.exit("login: non-2xx responses: " + errors.group(1))
if re.search(r"Socket errors:.*timeout [1-9]", t): sys.exit("login: wrk timeouts\n" + t)
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
print(f"{rps:.1f} {ms('50'):.0f} {ms('99'):.0f}")
PY
)

# ---- the same (start, n) pairs for both calendar implementations
python3 - "$work/pairs.txt" <<'PY'
import datetime, random, sys
rng = random.Random(2026)
first, last = datetime.date(2020, 1, 1), datetime.date(2026, 11, 30)
with open(sys.argv[1], "w") as f:
    for _ in range(100000):
        f.write(f"{first + datetime.timedelta(days=rng.randint(0, (last - first).days))} {rng.randint(1, 20)}\n")
PY

# ---- microbenchmarks (the server is stopped; the database is the one it wrote)
TONGBAN_BENCH_DB="$db" TONGBAN_BENCH_HOLIDAYS=data/holidays TONGBAN_BENCH_PAIRS="$work/pairs.txt" \
  TONGBAN_BENCH_ANSWERS="$work/cpp-answers.txt" \
  "$MICROBENCH" --benchmark_filter='BM_HasPermission|BM_AuthenticateSession|BM_EmptyReadTx|BM_Argon2idVerify|BM_AddWorkingDays' \
  --benchmark_out="$work/micro.json" --benchmark_out_format=json >"$work/micro.log" 2>&1 ||
  { cat "$work/micro.log" >&2; exit 1; }

# ---- the peer
node_rate=$(TZ=Asia/Shanghai node bench/workday_peer.mjs "$work/pairs.txt" "$work/js-answers.txt")

# ---- rows
python3 - "$work" "$login_rps" "$login_p50" "$login_p99" "$CONNECTIONS" "$node_rate" \
  "$(node -p "require('./tests/node_modules/chinese-workday/package.json').version")" "$(node --version)" <<'PY'
import json, sys
work, login_rps, p50, p99, conns, node_rate, cw_version, node_version = sys.argv[1:]
login_rps, node_rate = float(login_rps), float(node_rate)
bench = {b["name"]: b for b in json.load(open(f"{work}/micro.json"))["benchmarks"]}
for b in bench.values():
    if b.get("error_occurred"): sys.exit(f"{b['name']}: {b.get('error_message')}")
def us(name):
    b = bench[name]
    return b["real_time"] * {"ns": 1e-3, "us": 1, "ms": 1e3, "s": 1e6}[b["time_unit"]]
label = lambda name: bench[name].get("label", "")

# Answers: every difference must be a span over a day the two sources disagree on (the 2020
# Spring Festival extension, 国办发明电〔2020〕1号; chinese-workday's extra 元旦 on 2023-01-03).
known = ["2020-01-31", "2020-02-01", "2023-01-03"]
pairs = [l.split() for l in open(f"{work}/pairs.txt")]
cpp = open(f"{work}/cpp-answers.txt").read().split()
js = open(f"{work}/js-answers.txt").read().split()
assert len(pairs) == len(cpp) == len(js), "answer counts differ"
differ = 0
for (start, n), a, b in zip(pairs, cpp, js):
    if a != b:
        differ += 1
        if not any(start < k <= max(a, b) for k in known):
            sys.exit(f"AddWorkingDays({start}, {n}): Tongban {a}, chinese-workday {b}, not a known difference")

verify = {t: bench[f"BM_Argon2idVerify/real_time/threads:{t}"]["items_per_second"] for t in (1, 2, 8)}
argon = label("BM_Argon2idVerify/real_time/threads:1")
print(f"| POST /api/v1/auth/login, {conns} connections, right password ({argon}) (logins/s; p50/p99 ms) "
      f"| {login_rps:.1f} logins/s; {p50}/{p99} | libsodium crypto_pwhash_str_verify alone, same hash, 2 threads "
      f"(1 thread: {verify[1]:.1f}/s; 8 threads: {verify[8]:.1f}/s) | {verify[2]:.1f} verifies/s "
      f"| {login_rps / verify[2] * 100:.0f}% of raw verify |")

hit, miss = us("BM_HasPermission/admin_hit"), us("BM_HasPermission/admin_miss")
print(f"| Permission check Principal::HasPermission, {label('BM_HasPermission/admin_hit').split(' ?')[0]}, "
      f"granted / refused (µs per check) | {hit:.3f} / {miss:.3f} µs | goal | < 5 µs | {5 / max(hit, miss):.0f}× under the goal |")
floor = us("BM_EmptyReadTx")
for name in ["BM_AuthenticateSession/admin", "BM_AuthenticateSession/window1"]:
    t = us(name)
    verdict = f"{5 / t:.1f}× under the goal" if t < 5 else f"{t / 5:.1f}× over the goal"
    print(f"| Authorisation of a GET with a session cookie, {label(name)}: read tx, 4 uncached SQLite queries for a user of one built-in role "
          f"(session, user, user's roles, role), principal built, HasPermission "
          f"(µs per request; an empty read tx alone: {floor:.2f} µs) | {t:.1f} µs | goal | < 5 µs | {verdict} |")

cpp_rate = bench["BM_AddWorkingDays/real_time"]["items_per_second"]
print(f"| AddWorkingDays, {len(pairs):,} (start, n) pairs, n 1..20, starts 2020-01-01..2026-11-30, seed 2026 "
      f"(calls/s; {differ} answers differ, all over 2020-01-31/02-01 or 2023-01-03) "
      f"| {cpp_rate / 1e6:.1f} M calls/s | npm chinese-workday {cw_version} isWorkday add-N loop, Node {node_version} "
      f"| {node_rate / 1e3:.1f} k calls/s | {cpp_rate / node_rate:,.0f}× |")
PY
