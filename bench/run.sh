#!/usr/bin/env bash
# `make bench`: measures Tongban beside peers started in the same run, and prints the figures and
# ratios. Each benchmark is a script bench/NN_*.sh that prints Markdown table rows; this runner
# collects them into docs/benchmarks.md between the BEGIN/END markers, with the date and machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export BUILD_DIR=${BUILD_DIR:-build}
export TONGBAN_BIN=${TONGBAN_BIN:-$PWD/$BUILD_DIR/tongban}
rows=$(mktemp)
for bench in bench/[0-9][0-9]_*.sh; do
  echo "bench: $bench" >&2
  bash "$bench" | tee -a "$rows"
done
{
  echo "<!-- BEGIN bench (written by make bench) -->"
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), with \`make bench\`."
  echo
  echo "| benchmark | Tongban | peer | peer's figure | ratio |"
  echo "|---|---|---|---|---|"
  cat "$rows"
  echo "<!-- END bench -->"
} >"$rows.md"
python3 - "$rows.md" <<'PY'
import re, sys, pathlib
table = pathlib.Path(sys.argv[1]).read_text()
doc = pathlib.Path("docs/benchmarks.md")
text = doc.read_text() if doc.exists() else "# Benchmarks\n\n"
pattern = re.compile(r"<!-- BEGIN bench.*?<!-- END bench -->\n?", re.S)
text = pattern.sub(table, text) if pattern.search(text) else text + "\n" + table
doc.write_text(text)
PY
echo "bench: table written to docs/benchmarks.md" >&2
