#!/usr/bin/env bash
# Cases (issue 6, "Performance"), on one `tongban demo` database copied three ways. SQLite only.
#  - Durable submissions/s over HTTP: `tongban serve`, wrk at 64 connections POSTing
#    /api/v1/cases {"item_code", "form", "submit": true} (create and submit in one transaction) as
#    the demo's eleven logged-in companies in turn (bench/cases.lua), every answer checked to be 201
#    and the cases counted in the database after. Beside it the sqlite3 CLI writing the very rows one
#    such submission wrote (copied from a real one: the case counter, the cases row, its material
#    rows, the acceptance clock, two history events, two chained audit records) one transaction per
#    submission, in the server's journal_mode=WAL, synchronous=NORMAL, foreign_keys=ON: the limit.
#  - The full lifecycle per second in process (bench/cases_bench.cpp, Google Benchmark): apply with
#    two materials, submit, accept, forward, approve, issue, complete, through cases::Create,
#    UploadMaterial and Act, each its own committed transaction; beside npm bpmn-engine running the
#    same five user tasks (bench/cases_peer.mjs).
#  - The deadline scan over a million open cases: bulk SQL copies of the demo's in_review and
#    approved cases with running decision / delivery clocks (6% overdue, 10% due within 0..3 days,
#    the rest 4..45 days ahead), then POST /api/v1/cases/deadline-scan as admin, timed twice: the
#    first run records every overdue clock and warns every due-soon one; the second finds nothing
#    new (a day's steady state). The scan's statements are checked to search case_clocks_due by
#    state, kind and due_on.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
MICROBENCH=${MICROBENCH:-$BUILD_DIR/tongban_microbench}
CONNECTIONS=${CONNECTIONS:-64} DURATION=${DURATION:-10s} THREADS=${THREADS:-2}
PEER_SUBMISSIONS=${PEER_SUBMISSIONS:-10000} OPEN_CASES=${OPEN_CASES:-1000000}
work=$(mktemp -d /tmp/tongban-bench-cases.XXXXXX)
source bench/lib.sh
tb_pid=
trap '[ -n "$tb_pid" ] && kill $tb_pid 2>/dev/null; rm -rf "$work"' EXIT

# serve DB → starts `tongban serve` on it, sets tb_pid and url.
serve() {
  local port; port=$(free_port)
  TONGBAN_ACCESS_LOG=false "$TONGBAN_BIN" serve --db "sqlite://$1" --port "$port" >"$work/tongban.log" 2>&1 &
  tb_pid=$!
  url=$(wait_listening "$work/tongban.log")
  [ -n "$url" ] || { cat "$work/tongban.log" >&2; exit 1; }
}
stop() { kill $tb_pid; wait $tb_pid 2>/dev/null || true; tb_pid=; }

"$TONGBAN_BIN" demo --db "sqlite://$work/cases.db" --as-of 2026-11-23 >"$work/demo.log" 2>&1 ||
  { cat "$work/demo.log" >&2; exit 1; }
sqlite3 "$work/cases.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
for copy in peer life scan; do cp "$work/cases.db" "$work/$copy.db"; done  # tongban.kek beside them serves all

# ---- 1. submissions over HTTP --------------------------------------------------------------------
serve "$work/cases.db"
# Log the companies in; each submits one case through the same body wrk will send (must be 201).
python3 - "$url" "$work/cases.db" "$work/sessions.lua" <<'PY'
import json, sqlite3, sys, urllib.request
url, db, out = sys.argv[1:]
users = [r[0] for r in sqlite3.connect(db).execute(
    "SELECT u.username FROM applicants a JOIN users u ON u.id = a.user_id WHERE a.kind = 'legal' ORDER BY u.id")]
def call(path, body, headers={}):
    req = urllib.request.Request(url + path, json.dumps(body, ensure_ascii=False).encode(),
                                 {"Content-Type": "application/json", **headers})
    with urllib.request.urlopen(req) as r:
        return r.status, r.headers, json.loads(r.read() or b"null")
def lua(s): return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
rows = []
for u in users:
    _, h, login = call("/api/v1/auth/login", {"username": u, "password": "Tongban@2026"})
    cookie = h["Set-Cookie"].split(";")[0]
    headers = {"Cookie": cookie, "x-csrf-token": login["csrf_token"]}
    me = json.loads(urllib.request.urlopen(urllib.request.Request(url + "/api/v1/applicant/me", headers=headers)).read())
    # The valid form of tests/api/cases.test.mjs, in the company's own name and credit code.
    body = {"item_code": "011301001000-370200", "submit": True, "form": {
        "user_unit": {"name": me["name"], "credit_code": me["credit_code"]}, "category": "电梯",
        "variety": "曳引驱动乘客电梯", "product_no": "DT-2026-0815", "manufacturer": "青岛电梯制造有限公司",
        "location": "青岛市黄岛区长江中路 88 号", "division_code": "370211", "commissioned_on": "2026-11-01",
        "safety_manager": {"name": "李安全", "citizen_id": "11010519491231002X"}}}
    status, _, case = call("/api/v1/cases", body, headers)
    assert status == 201 and case["state"] == "submitted", (u, status, case)
    rows.append("{ cookie = %s, csrf = %s, body = %s }" % (lua(cookie), lua(login["csrf_token"]),
                                                            lua(json.dumps(body, ensure_ascii=False))))
open(out, "w").write("return {\n  " + ",\n  ".join(rows) + "\n}\n")
PY
count_cases() { sqlite3 "$work/cases.db" "SELECT COUNT(*) FROM cases"; }
before=$(count_cases)
CASES_SESSIONS="$work/sessions.lua" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 30s --latency \
  -s bench/cases.lua "$url/api/v1/cases" >"$work/wrk.out" 2>&1
stop
created=$(( $(count_cases) - before ))
read -r sub_rps sub_p50 sub_p99 sub_requests < <(python3 - "$work/wrk.out" "$created" <<'PY'
import re, sys
t, created = open(sys.argv[1]).read(), int(sys.argv[2])
def ms(label):
    m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s)" % label, t, re.M)
    v, unit = float(m.group(1)), m.group(2)
    return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
bad = re.search(r"not created: (\d+)", t)
if not bad or int(bad.group(1)) or re.search(r"Non-2xx", t): sys.exit("submissions: answers other than 201\n" + t)
if re.search(r"Socket errors:.*timeout [1-9]", t): sys.exit("submissions: wrk timeouts\n" + t)
requests = int(re.search(r"(\d+) requests in", t).group(1))
# Every 201 is a case in the database (a few more may have been in flight when wrk stopped).
if not requests <= created <= requests + 128: sys.exit(f"submissions: wrk saw {requests} 201s, the database has {created} new cases")
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
print(f"{rps:.0f} {ms('50'):.1f} {ms('99'):.1f} {requests}")
PY
)

# The peer: the rows of the last submission above, written again and again by the sqlite3 CLI.
python3 - "$work/cases.db" "$work/peer.db" "$PEER_SUBMISSIONS" "$work/peer.sql" <<'PY'
import sqlite3, sys
src, peer, n, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
s = sqlite3.connect(src)
s.row_factory = sqlite3.Row
case = dict(s.execute("SELECT * FROM cases WHERE state = 'submitted' ORDER BY id DESC LIMIT 1").fetchone())
def rows(sql): return [dict(r) for r in s.execute(sql, (case["id"],))]
materials = rows("SELECT * FROM case_materials WHERE case_id = ? ORDER BY idx")
clocks = rows("SELECT * FROM case_clocks WHERE case_id = ? ORDER BY id")
events = rows("SELECT * FROM case_events WHERE case_id = ? ORDER BY id")
audits = rows("SELECT * FROM audit_records WHERE object_type = 'case' AND object_id = CAST(? AS TEXT) ORDER BY seq")
assert len(materials) >= 1 and len(clocks) == 1 and len(events) == 2 and len(audits) == 2, (materials, clocks, events, audits)
first_id = sqlite3.connect(peer).execute("SELECT MAX(id) + 1000000 FROM cases").fetchone()[0]
def q(v): return "NULL" if v is None else str(v) if isinstance(v, int) else "'" + str(v).replace("'", "''") + "'"
def insert(table, row, skip=()):
    cols = [c for c in row if c not in skip]
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join(q(row[c]) for c in cols)});"
with open(out, "w") as f:
    # The server's connection settings (src/platform/db/sqlite_connection.cpp).
    f.write("PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\nPRAGMA foreign_keys=ON;\n")
    for i in range(n):
        cid = first_id + i
        number = f"370200-20991231-{i + 1:06d}"
        f.write("BEGIN IMMEDIATE;\n")
        f.write("INSERT INTO case_counters (division_code, day, last_seq) VALUES ('370200', '2099-12-31', 1) "
                "ON CONFLICT (division_code, day) DO UPDATE SET last_seq = last_seq + 1;\n")
        f.write(insert("cases", {**case, "id": cid, "number": number}) + "\n")
        for m in materials: f.write(insert("case_materials", {**m, "case_id": cid}) + "\n")
        for k in clocks: f.write(insert("case_clocks", {**k, "case_id": cid}, skip=("id",)) + "\n")
        for e in events: f.write(insert("case_events", {**e, "case_id": cid}, skip=("id",)) + "\n")
        for a in audits:
            # Chained as the server chains them: the previous record's hash in, a digest of the change
            # and a hash over both computed in SQL (the CLI's SHA3-256 standing in for SHA-256).
            change = a["change"].replace(case["number"], number)
            cols = [c for c in a if c not in ("seq", "digest", "prev_hash", "hash")]
            f.write(f"INSERT INTO audit_records (seq, {', '.join(cols)}, digest, prev_hash, hash) SELECT seq + 1, "
                    + ", ".join(q(change if c == "change" else str(cid) if c == "object_id" else a[c]) for c in cols)
                    + f", lower(hex(sha3({q(change)}, 256))), hash, lower(hex(sha3(hash || {q(change)}, 256))) "
                    "FROM audit_records ORDER BY seq DESC LIMIT 1;\n")
        f.write("COMMIT;\n")
PY
start=$(date +%s.%N)
sqlite3 "$work/peer.db" <"$work/peer.sql" >/dev/null
peer_s=$(python3 -c "print($(date +%s.%N) - $start)")
peer_rows=$(sqlite3 "$work/peer.db" "SELECT COUNT(*) FROM cases WHERE number LIKE '370200-20991231-%'")
[ "$peer_rows" = "$PEER_SUBMISSIONS" ] || { echo "05_cases: the peer wrote $peer_rows cases, not $PEER_SUBMISSIONS" >&2; exit 1; }
read -r rows_per_submission materials_per_case < <(python3 - <<PY
import sqlite3
c = sqlite3.connect("$work/cases.db")
cid = c.execute("SELECT MAX(id) FROM cases WHERE state = 'submitted'").fetchone()[0]
m = c.execute("SELECT COUNT(*) FROM case_materials WHERE case_id = ?", (cid,)).fetchone()[0]
print(1 + 1 + m + 1 + 2 + 2, m)
PY
)

# ---- 2. the lifecycle in process, beside bpmn-engine ---------------------------------------------
TONGBAN_BENCH_CASES_DB="sqlite://$work/life.db" TONGBAN_BENCH_HOLIDAYS=data/holidays \
  "$MICROBENCH" --benchmark_filter='BM_CaseLifecycle' \
  --benchmark_out="$work/micro.json" --benchmark_out_format=json >"$work/micro.log" 2>&1 ||
  { cat "$work/micro.log" >&2; exit 1; }
bpmn='{}'
if [ -d tests/node_modules/bpmn-engine ]; then
  bpmn=$(node bench/cases_peer.mjs 4)
else
  echo "05_cases: tests/node_modules has no bpmn-engine (scripts/install-deps.sh installs it); no peer figure" >&2
fi

# ---- 3. the deadline scan over a million open cases ----------------------------------------------
scan_db="$work/scan.db"
start=$(date +%s.%N)
# Bulk load: the two tables' own indexes dropped and made again after (the same definitions, read
# from the schema), journal off while loading; the server opens it in WAL as always.
own_indexes="FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('cases', 'case_clocks') AND sql IS NOT NULL"
sqlite3 "$scan_db" "SELECT sql || ';' $own_indexes" >"$work/indexes.sql"
sqlite3 "$scan_db" "SELECT 'DROP INDEX ' || name || ';' $own_indexes" >"$work/drop-indexes.sql"
{
  echo "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;"
  cat "$work/drop-indexes.sql"
  cat <<SQL
CREATE TEMP TABLE tpl AS SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS rn, * FROM cases WHERE state IN ('in_review', 'approved');
CREATE TEMP TABLE gen AS
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $OPEN_CASES)
  SELECT i, i % (SELECT COUNT(*) FROM tpl) AS t,
    CASE WHEN (i * 7919) % 1000 < 60 THEN -1 - (i * 31) % 20   -- 6% overdue by 1..20 days
         WHEN (i * 7919) % 1000 < 160 THEN (i * 31) % 4        -- 10% due today .. in 3 days
         ELSE 4 + (i * 31) % 42 END AS due_in                  -- the rest 4..45 days ahead
  FROM n;
BEGIN;
INSERT INTO cases (id, number, entry_id, version_no, item_code, item_name, department_id, hall_id, applicant_id,
  created_by, channel, state, step_index, step_role, form, version, received_on, decision, created_at,
  submitted_at, accepted_at, decided_at, updated_at)
  SELECT 10000000 + g.i, 'BENCH-' || g.i, entry_id, version_no, item_code, item_name, department_id, hall_id,
    applicant_id, created_by, channel, state, step_index, step_role, form, version, received_on, decision, created_at,
    submitted_at, accepted_at, decided_at, updated_at
  FROM gen g JOIN tpl ON tpl.rn = g.t;
-- Every case was accepted (its acceptance clock stopped); in_review ones have the decision clock
-- running, approved ones have it stopped and the delivery clock running.
INSERT INTO case_clocks (case_id, kind, started_on, limit_days, statutory_days, due_on, statutory_due_on, state, stopped_on)
  SELECT 10000000 + i, 'acceptance', date('now', '+8 hours', (due_in - 30) || ' days'), 5, 5,
    date('now', '+8 hours', (due_in - 25) || ' days'), date('now', '+8 hours', (due_in - 25) || ' days'), 'stopped',
    date('now', '+8 hours', (due_in - 29) || ' days')
  FROM gen;
INSERT INTO case_clocks (case_id, kind, started_on, limit_days, statutory_days, due_on, statutory_due_on, state, stopped_on)
  SELECT 10000000 + g.i, 'decision', date('now', '+8 hours', (g.due_in - 28) || ' days'), 20, 20,
    date('now', '+8 hours', g.due_in || ' days'), date('now', '+8 hours', g.due_in || ' days'),
    CASE tpl.state WHEN 'in_review' THEN 'running' ELSE 'stopped' END,
    CASE tpl.state WHEN 'in_review' THEN NULL ELSE date('now', '+8 hours', (g.due_in - 10) || ' days') END
  FROM gen g JOIN tpl ON tpl.rn = g.t;
INSERT INTO case_clocks (case_id, kind, started_on, limit_days, statutory_days, due_on, statutory_due_on, state)
  SELECT 10000000 + g.i, 'delivery', date('now', '+8 hours', (g.due_in - 14) || ' days'), 10, 10,
    date('now', '+8 hours', g.due_in || ' days'), date('now', '+8 hours', g.due_in || ' days'), 'running'
  FROM gen g JOIN tpl ON tpl.rn = g.t WHERE tpl.state = 'approved';
-- The queued first run of the daily scan would start with the server: the timed run is ours.
UPDATE jobs SET run_at = 4102444800000000 WHERE kind = 'cases.deadline_scan' AND state = 'queued';
COMMIT;
SQL
  cat "$work/indexes.sql"
} | sqlite3 "$scan_db" >/dev/null
fixture_s=$(python3 -c "print(f'{$(date +%s.%N) - $start:.0f}')")
read -r open_cases running_clocks < <(sqlite3 -separator ' ' "$scan_db" \
  "SELECT (SELECT COUNT(*) FROM cases WHERE state NOT IN ('draft', 'denied', 'rejected', 'completed', 'withdrawn', 'terminated')),
          (SELECT COUNT(*) FROM case_clocks WHERE state = 'running')")

# The scan's statements (src/cases/clock_store.cpp) must search case_clocks_due by state, kind and due_on.
plans=$(sqlite3 "$scan_db" <<'SQL'
EXPLAIN QUERY PLAN SELECT case_id FROM case_clocks WHERE state = 'running' AND due_on < '2026-11-24' AND kind = 'acceptance' ORDER BY case_id;
EXPLAIN QUERY PLAN SELECT c.department_id, COUNT(*) FROM case_clocks k JOIN cases c ON c.id = k.case_id WHERE k.state = 'running' AND k.due_on >= '2026-11-24' AND k.due_on <= '2026-11-26' AND k.warned = 0 AND k.kind IN ('decision', 'delivery') GROUP BY c.department_id;
EXPLAIN QUERY PLAN UPDATE case_clocks SET warned = 1 WHERE state = 'running' AND due_on >= '2026-11-24' AND due_on <= '2026-11-26' AND warned = 0 AND kind IN ('decision', 'delivery');
EXPLAIN QUERY PLAN INSERT INTO case_lapses (case_id, clock_id, department_id, kind, due_on, recorded_on) SELECT k.case_id, k.id, c.department_id, k.kind, k.due_on, '2026-11-24' FROM case_clocks k JOIN cases c ON c.id = k.case_id WHERE k.state = 'running' AND k.due_on < '2026-11-24' AND k.overdue = 0 AND k.kind IN ('decision', 'delivery');
EXPLAIN QUERY PLAN UPDATE case_clocks SET overdue = 1 WHERE state = 'running' AND due_on < '2026-11-24' AND overdue = 0 AND kind IN ('decision', 'delivery');
SQL
)
searches=$(grep -c 'case_clocks_due (state=? AND kind=? AND due_on' <<<"$plans" || true)
[ "$searches" = 5 ] || { echo "05_cases: a scan statement does not search case_clocks_due:"$'\n'"$plans" >&2; exit 1; }

serve "$scan_db"
python3 - "$url" "$work/scan.json" <<'PY'
import json, sys, time, urllib.request
url, out = sys.argv[1:]
def call(path, body, headers={}):
    req = urllib.request.Request(url + path, json.dumps(body).encode(), {"Content-Type": "application/json", **headers})
    with urllib.request.urlopen(req, timeout=600) as r:
        return r.headers, json.loads(r.read())
h, login = call("/api/v1/auth/login", {"username": "admin", "password": "Tongban@2026"})
headers = {"Cookie": h["Set-Cookie"].split(";")[0], "x-csrf-token": login["csrf_token"]}
runs = []
for _ in range(2):
    start = time.monotonic()
    _, result = call("/api/v1/cases/deadline-scan", {}, headers)
    runs.append({"seconds": time.monotonic() - start, **result})
json.dump(runs, open(out, "w"))
PY
[ -s "$work/scan.json" ] || { echo "05_cases: the scan failed; the server said:" >&2; tail -30 "$work/tongban.log" >&2; exit 1; }
stop

# ---- rows -----------------------------------------------------------------------------------------
python3 - "$work" "$CONNECTIONS" "$sub_rps" "$sub_p50" "$sub_p99" "$sub_requests" "$created" "$PEER_SUBMISSIONS" "$peer_s" \
  "$rows_per_submission" "$materials_per_case" "$(sqlite3 --version | cut -d' ' -f1)" "$bpmn" \
  "$open_cases" "$running_clocks" "$fixture_s" <<'PY'
import json, sys
(work, conns, sub_rps, p50, p99, requests, created, peer_n, peer_s, rows, materials, sqlite_version, bpmn,
 open_cases, running, fixture_s) = sys.argv[1:]
sub_rps, peer_rate = float(sub_rps), int(peer_n) / float(peer_s)
print(f"| Durable case submissions over HTTP, {conns} connections: POST /api/v1/cases create + submit in one transaction, "
      f"11 demo companies in turn, every answer 201 ({requests} requests, {created} cases in the database), SQLite "
      f"(submissions/s; p50/p99 ms) | {sub_rps:.0f}/s; {p50}/{p99} "
      f"| sqlite3 {sqlite_version} CLI writing the same {rows} rows a submission writes (counter, case, {materials} materials, "
      f"clock, 2 events, 2 chained audit records), one transaction each, WAL + synchronous=NORMAL, {peer_n} submissions "
      f"| {peer_rate:.0f}/s | {sub_rps / peer_rate * 100:.0f}% of the limit (goal ≥ 50%) |")

bench = {b["name"]: b for b in json.load(open(f"{work}/micro.json"))["benchmarks"]}
for b in bench.values():
    if b.get("error_occurred"): sys.exit(f"{b['name']}: {b.get('error_message')}")
life = next(b for name, b in bench.items() if name.startswith("BM_CaseLifecycle"))
rate = life["items_per_second"]
steps = {"create": "create", "upload2": "2 uploads", "submit": "submit", "accept": "accept", "forward": "forward",
         "approve": "approve", "issue": "issue", "complete": "complete"}
detail = ", ".join(f"{label} {life[key + '_us'] / 1000:.1f}" for key, label in steps.items())
what = (f"Full lifecycle in process, one thread: apply with 2 materials, submit, accept, forward (审查 → 决定), approve, "
        f"issue, complete through cases::Create / UploadMaterial / Act, 9 committed SQLite transactions per case "
        f"(cases/s; ms per step: {detail})")
peer = json.loads(bpmn)
if peer:
    if peer["tasks_per_case"] != 5: sys.exit(f"bpmn-engine ran {peer['tasks_per_case']} tasks per case, not 5")
    print(f"| {what} | {rate:.0f} cases/s | npm bpmn-engine {peer['bpmn_engine']}, the same five user tasks signalled as "
          f"each waits, definition parsed once, state in memory only, Node {peer['node']} | {peer['cases_per_second']:.0f} cases/s "
          f"| {rate / peer['cases_per_second']:.1f}× (goal ≥ 20×) |")
else:
    print(f"| {what} | {rate:.0f} cases/s | — | — | — |")

first, second = json.load(open(f"{work}/scan.json"))
open_cases = int(open_cases)
print(f"| Deadline scan, POST /api/v1/cases/deadline-scan over {open_cases:,} open cases ({int(running):,} running clocks; "
      f"fixture made by bulk SQL in {fixture_s} s), SQLite: first run records {first['overdue']:,} overdue and warns "
      f"{first['warned']:,} due-soon clocks ({first['accepted_by_lapse']} demo cases accepted by lapse); "
      f"second run, nothing new (s; open cases/s) "
      f"| {first['seconds']:.1f} s ({open_cases / first['seconds'] / 1000:.0f} k/s); {second['seconds']:.1f} s "
      f"({open_cases / second['seconds'] / 1000:.0f} k/s) | — | — | — |")
PY
