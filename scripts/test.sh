#!/usr/bin/env bash
# Runs every test suite (called by `make test` after the build):
#   unit            GoogleTest, on SQLite and on a throwaway PostgreSQL 15 cluster
#   api-sqlite      HTTP tests against the real binary on SQLite      } in parallel
#   api-postgresql  the same tests on PostgreSQL                      }
#   fuzz-replay     every fuzz target over its corpus (make fuzz grows the corpora)
#   crosscheck      the shipped calendar against npm chinese-workday, every day of 2020-2026
#   web-unit        the front end's vitest suite
#   web-e2e         Playwright + Debian's Chromium against the real server with the demo city
# Prints each suite's result and a closing "N passed, N failed" line; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD_DIR=${BUILD_DIR:-build}
export TONGBAN_BIN=${TONGBAN_BIN:-$ROOT/$BUILD_DIR/tongban}
export TONGBAN_SHARED=${TONGBAN_SHARED:-$ROOT/../shared}
OUT=$(mktemp -d /tmp/tongban-test.XXXXXX)
PASSED=0 FAILED=0 FAILED_SUITES=()

if [ ! -d "$TONGBAN_SHARED" ] && [ "${CI:-}" = true ]; then
  echo "test: $TONGBAN_SHARED is missing; under CI the shared conformance suites are required" >&2
  exit 1
fi

read -r PG_DIR PG_URL < <(scripts/pg-cluster.sh start) || { echo "test: could not start PostgreSQL" >&2; exit 1; }
E2E_PID=
cleanup() {
  [ -n "$E2E_PID" ] && kill "$E2E_PID" 2>/dev/null
  scripts/pg-cluster.sh stop "$PG_DIR"
}
trap cleanup EXIT

# Reads a suite's counts from its log, whichever runner wrote it.
count() {
  local log=$1 p f
  if grep -q '^\[==========\]' "$log"; then  # GoogleTest
    p=$(grep -oP '^\[  PASSED  \] \K\d+' "$log" | tail -1)
    f=$(grep -oP '^\[  FAILED  \] \K\d+(?= tests?, listed below)' "$log" | tail -1)
  elif grep -qE '^# (pass|fail) ' "$log"; then  # node --test (TAP)
    p=$(grep -oP '^# pass \K\d+' "$log" | tail -1)
    f=$(grep -oP '^# fail \K\d+' "$log" | tail -1)
  else  # vitest
    p=$(grep -oP 'Tests\s+(\d+ failed \| )?\K\d+(?= passed)' "$log" | tail -1)
    f=$(grep -oP 'Tests\s+\K\d+(?= failed)' "$log" | tail -1)
  fi
  echo "${p:-0} ${f:-0}"
}

# record NAME STATUS LOG
record() {
  local name=$1 status=$2 log=$3 p f
  read -r p f < <(count "$log")
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi  # a crash or a setup failure counts
  PASSED=$((PASSED + p)) FAILED=$((FAILED + f))
  if [ "$status" -eq 0 ]; then
    printf '  %-16s ok      %4d passed\n' "$name" "$p"
  else
    FAILED_SUITES+=("$name")
    printf '  %-16s FAILED  %4d passed, %d failed  (log: %s)\n' "$name" "$p" "$f" "$log"
    grep -E '^not ok|FAILED|Failure|✗|×|AssertionError|Error:' "$log" | head -n 25 | sed 's/^/      /'
  fi
}

run_suite() {  # NAME COMMAND...
  local name=$1; shift
  "$@" >"$OUT/$name.log" 2>&1
  record "$name" $? "$OUT/$name.log"
}

echo "test: PostgreSQL at ${PG_URL}; logs in $OUT"
export NO_COLOR=1 FORCE_COLOR=0  # plain runner output, so the counts can be read
export TZ=UTC  # the product must not depend on the machine's zone; the cross-check sets its own

# The demo city once per store, copied by each API test file that starts from it
# (tests/api/lib/session.mjs demoDatabase); a failed load leaves the tests to load their own.
"$TONGBAN_BIN" demo --db "sqlite://$OUT/demo-template.db" --as-of 2026-11-23 >"$OUT/demo-sqlite.log" 2>&1 &
DEMO_SQLITE=$!
DEMO_PG_URL=$(scripts/pg-cluster.sh createdb "$PG_DIR" demo_template)
"$TONGBAN_BIN" demo --db "$DEMO_PG_URL" --as-of 2026-11-23 >"$OUT/demo-pg.log" 2>&1 && export TONGBAN_TEST_DEMO_PG=demo_template
wait $DEMO_SQLITE && export TONGBAN_TEST_DEMO_SQLITE=$OUT/demo-template.db

# The two API runs share nothing but the cluster, so they run side by side with the unit tests.
(TONGBAN_TEST_DB=sqlite node --test --test-reporter=tap tests/api/ >"$OUT/api-sqlite.log" 2>&1; echo $? >"$OUT/api-sqlite.rc") &
API_SQLITE=$!
(TONGBAN_TEST_DB=postgresql TONGBAN_TEST_PG_DIR=$PG_DIR node --test --test-reporter=tap tests/api/ >"$OUT/api-postgresql.log" 2>&1; echo $? >"$OUT/api-postgresql.rc") &
API_PG=$!
run_suite unit env TONGBAN_TEST_PG_URL="$PG_URL" "$ROOT/$BUILD_DIR/tongban_unit_tests" --gtest_brief=1
run_suite fuzz-replay bash -c 'for t in "$0"/*_fuzz; do n=$(basename "$t"); "$t" "fuzz/corpus/${n%_fuzz}" || exit 1; done; echo "[==========]"; echo "[  PASSED  ] $(ls fuzz/*_fuzz.cpp | wc -l) tests."' "$ROOT/$BUILD_DIR"
run_suite crosscheck env TZ=Asia/Shanghai node --test --test-reporter=tap tests/calendar-crosscheck.mjs
run_suite schema-suite "$ROOT/$BUILD_DIR/tongban_schema_suite" /usr/share/json-schema-test-suite/tests/draft7
wait $API_SQLITE; record api-sqlite "$(cat "$OUT/api-sqlite.rc")" "$OUT/api-sqlite.log"
wait $API_PG; record api-postgresql "$(cat "$OUT/api-postgresql.rc")" "$OUT/api-postgresql.log"

if [ -f web/package.json ]; then
  run_suite web-unit bash -c 'cd web && npm run --silent test:unit'
  # The browser tests run against the real server with the demo city, as a user would meet it.
  E2E_DB="sqlite://$OUT/e2e.db"
  if "$TONGBAN_BIN" demo --db "$E2E_DB" >"$OUT/e2e-demo.log" 2>&1; then
    "$TONGBAN_BIN" serve --db "$E2E_DB" --port 0 >"$OUT/e2e-server.log" 2>&1 &
    E2E_PID=$!
    for _ in $(seq 100); do grep -q 'listening on' "$OUT/e2e-server.log" && break; sleep 0.1; done
    E2E_URL=$(grep -oP 'listening on \K\S+' "$OUT/e2e-server.log")
    run_suite web-e2e env TONGBAN_URL="$E2E_URL" node --test --test-concurrency=1 --test-reporter=tap web/e2e/
  else
    record web-e2e 1 "$OUT/e2e-demo.log"
  fi
fi

echo
if ((${#FAILED_SUITES[@]})); then echo "test: failed suites: ${FAILED_SUITES[*]}"; fi
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ] && [ ${#FAILED_SUITES[@]} -eq 0 ]
