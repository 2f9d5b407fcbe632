#!/usr/bin/env bash
# Installs every dependency Tongban needs, in one place: Debian packages and npm packages.
# Idempotent and quiet: when everything is present it only checks and returns in about a second.
# Runs as root on a fresh Debian 12 machine (CI and developers alike).
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential cmake ccache pkg-config git curl ca-certificates
  libboost1.81-dev            # Beast/Asio (only platform/http includes Beast)
  nlohmann-json3-dev libcli11-dev libspdlog-dev libfmt-dev
  libsqlite3-dev sqlite3      # embedded store (and the sqlite3 CLI as a benchmark peer)
  libpq-dev postgresql-15 postgresql-contrib   # production store; tests start a throwaway cluster
  libssl-dev libsodium-dev    # SHA-256/SM2/SM3/Ed25519; argon2id
  libgtest-dev libgmock-dev libbenchmark-dev
  nginx-light wrk             # benchmark peers
  chromium fonts-noto-cjk     # browser tests (playwright-core drives Debian's chromium); the fonts also set PDFs
  json-schema-test-suite      # conformance suite for the JSON Schema validator
  libxlsxwriter-dev libzip-dev libexpat1-dev   # XLSX export (libxlsxwriter) and import (libzip + expat)
  libcairo2-dev libpango1.0-dev libqrencode-dev   # platform/documents: PDF notices (set in fonts-noto-cjk, above) and QR codes
  poppler-utils zbar-tools    # tests read the PDFs back (pdftotext) and decode the QR codes (zbarimg)
  clang-14 libclang-rt-14-dev # make fuzz: libFuzzer with sanitizers
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm: the web app (and its browser tests) and the test/bench peers. `npm ci` only when the lock
# file changed since the last install, so a warm run costs nothing.
npm_install() {
  local dir=$1
  [ -f "$dir/package-lock.json" ] || return 0
  local stamp="$dir/node_modules/.tongban-lock-sha"
  local want; want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "install-deps: npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    echo "$want" >"$stamp"
  fi
}
npm_install web
npm_install tests
