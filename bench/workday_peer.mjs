// The peer for the add-N-working-days benchmark (bench/02_identity.sh): npm chinese-workday's
// isWorkday under the same rule as WorkingCalendar::AddWorkingDays — the n-th working day after
// `start`, the start itself never counting. Run with TZ=Asia/Shanghai (the package reads local
// weekdays).
//
//   node bench/workday_peer.mjs PAIRS ANSWERS   → prints "calls_per_second"
// PAIRS holds "YYYY-MM-DD n" lines; ANSWERS receives one date a line, in order. Day strings are
// precomputed so the timed loop is the package's lookups (its fast path takes "YYYY-MM-DD").
import { readFileSync, writeFileSync } from 'node:fs';

process.env.TZ = 'Asia/Shanghai';
// Installed by tests/package.json; its ES module entry (its `require` is broken).
const cw = await import(new URL('../tests/node_modules/chinese-workday/src/index.js', import.meta.url).href);

const [pairsPath, answersPath] = process.argv.slice(2);
const kDay = 86400000;
const kBase = Date.UTC(2019, 0, 1) / kDay;
const iso = [];
for (let s = kBase; s <= Date.UTC(2028, 0, 1) / kDay; s++) iso.push(new Date(s * kDay).toISOString().slice(0, 10));
const starts = [], ns = [];
for (const line of readFileSync(pairsPath, 'utf8').split('\n')) {
  if (!line) continue;
  const [date, n] = line.split(' ');
  starts.push(Date.parse(date + 'T00:00:00Z') / kDay - kBase);
  ns.push(Number(n));
}

function addWorkingDays(start, n) {
  let d = start;
  for (let count = 0; count < n;) if (cw.isWorkday(iso[++d])) ++count;
  return d;
}

const answers = new Int32Array(starts.length);
for (let i = 0; i < starts.length; i++) answers[i] = addWorkingDays(starts[i], ns[i]);  // also the warm-up
writeFileSync(answersPath, Array.from(answers, (d) => iso[d]).join('\n') + '\n');

let calls = 0, sink = 0;
const t0 = process.hrtime.bigint();
let elapsed = 0n;
while (elapsed < 3_000_000_000n) {
  for (let i = 0; i < starts.length; i++) sink += addWorkingDays(starts[i], ns[i]);
  calls += starts.length;
  elapsed = process.hrtime.bigint() - t0;
}
if (sink === 0) console.error('unexpected');
console.log((calls / (Number(elapsed) / 1e9)).toFixed(0));
