#!/usr/bin/env bash
# The public catalogue at Qingdao's scale (57,234 implementation entries): the demo city plus
# 60,000 generated entries (bulk SQL copies of the demo's published entries across departments,
# as real entries repeat one base item in every district and street), indexed by
# `tongban catalog reindex`. Measures Chinese search (one-, two- and longer-character words and
# two-word queries, rotated) at 1 and at 16 connections, and the service guide beside nginx
# serving the same JSON.
set -euo pipefail
DURATION=${DURATION:-8s} THREADS=${THREADS:-2} ENTRIES=${ENTRIES:-60000}
work=$(mktemp -d /tmp/tongban-bench-catalog.XXXXXX)
source "$(dirname "$0")/lib.sh"
tb_pid= nginx_pid=
trap '[ -n "$tb_pid" ] && kill $tb_pid 2>/dev/null; [ -n "$nginx_pid" ] && kill $nginx_pid 2>/dev/null; rm -rf "$work"' EXIT
db="$work/bench.db"
"$TONGBAN_BIN" demo --db "sqlite://$db" --as-of 2026-11-23 >/dev/null

sqlite3 "$db" <<SQL
CREATE TEMP TABLE src AS SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS rn, id, base_item_id, published_version_no
  FROM catalog_entries WHERE status = 'active' AND published_version_no IS NOT NULL;
CREATE TEMP TABLE dep AS SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS rn, id, division_code FROM departments;
CREATE TEMP TABLE gen AS
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $ENTRIES)
  SELECT n.i, s.id AS src, s.base_item_id, s.published_version_no AS v, d.id AS dept, d.division_code
  FROM n JOIN src s ON s.rn = n.i % (SELECT COUNT(*) FROM src) JOIN dep d ON d.rn = n.i % (SELECT COUNT(*) FROM dep);
INSERT INTO catalog_entries (code, base_item_id, department_id, division_code, level, status, handled_since,
  published_version_no, latest_version_no, created_at, updated_at)
  SELECT 'BENCH-' || i, base_item_id, dept, division_code,
    CASE WHEN LENGTH(division_code) = 9 THEN 'street' WHEN SUBSTR(division_code, 5, 2) = '00' THEN 'city' ELSE 'district' END,
    'active', '2026-01-01', 1, 1, 0, 0 FROM gen;
INSERT INTO catalog_versions (entry_id, version_no, state, elements, statutory_limit_days, committed_limit_days,
  immediate, visits, online_depth, window_category, created_at, created_by, published_at)
  SELECT e.id, 1, 'published', v.elements, v.statutory_limit_days, v.committed_limit_days, v.immediate, v.visits,
    v.online_depth, v.window_category, 0, 'bench', 0
  FROM gen JOIN catalog_entries e ON e.code = 'BENCH-' || gen.i
  JOIN catalog_versions v ON v.entry_id = gen.src AND v.version_no = gen.v;
SQL
start=$(date +%s.%N)
indexed=$("$TONGBAN_BIN" catalog reindex --db "sqlite://$db" | grep -oP 'indexed \K\d+')
reindex_s=$(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')")

port=$(free_port)
TONGBAN_ACCESS_LOG=false "$TONGBAN_BIN" serve --db "sqlite://$db" --port "$port" >"$work/tongban.log" 2>&1 &
tb_pid=$!
url=$(wait_listening "$work/tongban.log")

# Search: the words people type, rotated per request.
cat >"$work/search.lua" <<'LUA'
local queries = { "食品", "发票", "社保", "证", "营业执照", "食品经营许可", "不动产 登记", "施工许可证",
                  "人才", "卫生许可", "旅馆", "登记", "许可", "设立登记", "养老" }
local i = 0
request = function()
  i = i + 1
  local q = queries[(i % #queries) + 1]
  local encoded = q:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end)
  return wrk.format("GET", "/api/v1/public/items?size=20&q=" .. encoded)
end
LUA
read -r s1_rps s1_p50 s1_p99 < <(THREADS=1 CONNECTIONS=1 measure "$url/" -s "$work/search.lua")
read -r s16_rps s16_p50 s16_p99 < <(CONNECTIONS=16 measure "$url/" -s "$work/search.lua")
echo "| Chinese search over $indexed published entries, 15 queries rotated (1 connection: p50/p99 ms; req/s) | $s1_p50/$s1_p99 ms; $s1_rps req/s | goal p99 < 20 ms | 20 ms | $(python3 -c "print('met' if $s1_p99 < 20 else 'missed')") |"
echo "| the same at 16 connections (p50/p99 ms; req/s) | $s16_p50/$s16_p99 ms; $s16_rps req/s | — | — | — |"
echo "| catalog reindex of $indexed entries (s) | $reindex_s | — | — | — |"

# The guide: the same JSON from nginx.
code=$(sqlite3 "$db" "SELECT code FROM catalog_public WHERE name LIKE '%食品经营%' LIMIT 1")
mkdir -p "$work/www/api/v1/public/items"
curl -s "$url/api/v1/public/items/$code" >"$work/www/api/v1/public/items/$code"
start_nginx "$work" "$work/www"
read -r g_rps g_p50 g_p99 < <(CONNECTIONS=64 measure "$url/api/v1/public/items/$code")
read -r n_rps n_p50 n_p99 < <(CONNECTIONS=64 measure "http://127.0.0.1:$nginx_port/api/v1/public/items/$code")
ratio=$(python3 -c "print(f'{$g_rps/$n_rps*100:.0f}%')")
echo "| GET service guide $(stat -c %s "$work/www/api/v1/public/items/$code") B, 64 connections (req/s; p50/p99 ms) | $g_rps req/s; $g_p50/$g_p99 | nginx 1.22 static file, same JSON | $n_rps req/s; $n_p50/$n_p99 | $ratio of nginx |"
