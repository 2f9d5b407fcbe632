#!/usr/bin/env bash
# `make fuzz`: builds every fuzz/*_fuzz.cpp with clang's libFuzzer, AddressSanitizer and UBSan, and
# runs each for FUZZ_SECONDS (default 60) over its corpus in fuzz/corpus/<target>/. New interesting
# inputs are added to the corpus; commit them, and `make test` replays them from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-60}
BUILD=build-fuzz
CC=clang CXX=clang++ cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTONGBAN_FUZZ=ON \
  -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined,fuzzer-no-link -fno-omit-frame-pointer" >/dev/null
status=0
for src in fuzz/*_fuzz.cpp; do
  name=$(basename "$src" .cpp)
  cmake --build "$BUILD" -j "$(nproc)" --target "$name" >/dev/null
  corpus=fuzz/corpus/${name%_fuzz}
  mkdir -p "$corpus" "$BUILD/findings/$name"
  echo "fuzz: $name for ${SECONDS_EACH}s"
  if ! "$BUILD/$name" "$corpus" -max_total_time="$SECONDS_EACH" -max_len=4096 \
      -artifact_prefix="$BUILD/findings/$name/" -print_final_stats=1 2>"$BUILD/$name.log"; then
    echo "fuzz: $name FOUND A CRASH; input saved under $BUILD/findings/$name/ (log: $BUILD/$name.log)"
    status=1
  fi
  grep -E 'stat::number_of_executed_units|cov:' "$BUILD/$name.log" | tail -n 2 | sed 's/^/  /'
done
exit $status
