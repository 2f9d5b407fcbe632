# Tongban — the README's commands. Every target installs what is missing first.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
DB ?= sqlite://var/tongban.db
PORT ?= 8080
# Relative paths in ccache keys, so a fresh clone elsewhere (CI) reuses the cache.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1

.PHONY: all deps build backend web run test bench fuzz clean
all: build

deps:
	@scripts/install-deps.sh

backend: deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS) 2>&1 | grep -vE '^\[ *[0-9]+%\]' || true
	@test -x $(BUILD_DIR)/tongban

web: deps
	@if [ -f web/package.json ]; then cd web && npm run --silent build >/dev/null; fi

build: backend web

run: build
	@mkdir -p var
	@$(BUILD_DIR)/tongban demo --db $(DB) --if-empty
	@$(BUILD_DIR)/tongban serve --db $(DB) --port $(PORT)

test: build
	@scripts/test.sh

bench: build
	@bench/run.sh

fuzz: deps
	@scripts/fuzz.sh

clean:
	rm -rf $(BUILD_DIR) web/dist
