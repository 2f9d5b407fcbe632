#!/usr/bin/env bash
# Form validation (issue 5, "Performance"): platform/schema validating a realistic 15-field
# application form (bench/schema_form.json, with the credit-code, citizen-id, division-code,
# phone-cn, date, date-time and email formats) against bench/schema_data.json (microbench),
# beside npm ajv + ajv-formats validating the same schema and data in the same run
# (bench/schema_peer.mjs, Tongban's formats registered in JavaScript), when tests/node_modules has
# them. Both collect every error; both answers are compared.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
MICROBENCH=${MICROBENCH:-$BUILD_DIR/tongban_microbench}
work=$(mktemp -d /tmp/tongban-bench-schema.XXXXXX)
trap 'rm -rf "$work"' EXIT

TONGBAN_BENCH_FORM_DIR=bench "$MICROBENCH" --benchmark_filter='BM_Schema' \
  --benchmark_out="$work/micro.json" --benchmark_out_format=json >"$work/micro.log" 2>&1 ||
  { cat "$work/micro.log" >&2; exit 1; }

peer='{}'
if [ -d tests/node_modules/ajv ] && [ -d tests/node_modules/ajv-formats ]; then
  peer=$(node bench/schema_peer.mjs bench/schema_form.json bench/schema_data.json)
else
  echo "03_schema: tests/node_modules has no ajv (scripts/install-deps.sh installs it); no peer figure" >&2
fi

python3 - "$work/micro.json" "$peer" <<'PY'
import json, sys
bench = {b["name"]: b for b in json.load(open(sys.argv[1]))["benchmarks"]}
peer = json.loads(sys.argv[2])
for b in bench.values():
    if b.get("error_occurred"): sys.exit(f"{b['name']}: {b.get('error_message')}")
def us(name):
    b = bench[name]
    return b["real_time"] * {"ns": 1e-3, "us": 1, "ms": 1e3, "s": 1e6}[b["time_unit"]]
valid, invalid, compile_ = us("BM_SchemaValidate/valid"), us("BM_SchemaValidate/invalid"), us("BM_SchemaCompile")
mistakes = bench["BM_SchemaValidate/invalid"].get("label", "")
what = (f"Form validation, 15-field application form with our formats (bench/schema_form.json), "
        f"a valid submission / one with 6 mistakes ({mistakes}, each with both messages) (µs per validation)")
if peer:
    if not peer["valid"] or peer["invalid"]:
        sys.exit(f"ajv answers differently: valid data {peer['valid']}, data with mistakes {peer['invalid']}")
    name = f"npm ajv {peer['ajv']} + ajv-formats {peer['ajv_formats']}, allErrors, same formats in JS, Node {peer['node']}"
    print(f"| {what} | {valid:.1f} / {invalid:.1f} µs | {name} ({peer['invalid_errors']} errors) "
          f"| {peer['valid_us']:.1f} / {peer['invalid_us']:.1f} µs "
          f"| ajv's time ÷ ours: {peer['valid_us'] / valid:.1f}× / {peer['invalid_us'] / invalid:.1f}× |")
    print(f"| Compile the same form (µs per compile) | {compile_:.0f} µs | ajv compile (code generation) "
          f"| {peer['compile_us']:.0f} µs | ajv's time ÷ ours: {peer['compile_us'] / compile_:.0f}× |")
else:
    print(f"| {what} | {valid:.1f} / {invalid:.1f} µs | — | — | — |")
    print(f"| Compile the same form (µs per compile) | {compile_:.0f} µs | — | — | — |")
PY
