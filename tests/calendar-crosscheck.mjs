// Cross-checks the shipped working-day data (data/holidays/CN-YYYY.json) against an independent
// source, npm `chinese-workday`, for every day of 2020-01-01 .. 2026-12-31.
//
//   cd tests && npm ci && TZ=Asia/Shanghai node --test calendar-crosscheck.mjs
//
// The rule applied to our files is the C++ WorkingCalendar's (src/platform/calendar/): a listed
// day is a working day when its kind is "workday" and not when it is "holiday"; any other day
// works Monday to Friday. Every difference must be one of kKnownExceptions below, and each known
// exception must still be a difference (so the list cannot go stale).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// chinese-workday reads local weekdays; Node applies a TZ set before the first date is made.
process.env.TZ = 'Asia/Shanghai';
const cw = await import('chinese-workday');

const kFirstYear = 2020;
const kLastYear = 2026;  // chinese-workday 1.16 has data to 2026; past it, it guesses weekends
const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'holidays');

// date -> what we say (working?) and why the other source differs.
const kKnownExceptions = new Map([
  // 国办发明电〔2020〕1号 extended the 2020 Spring Festival holiday to 2 February; chinese-workday
  // keeps the original schedule (31 Jan a working Friday, 1 Feb an adjusted working Saturday).
  // 2 February is a Sunday, rest in both.
  ['2020-01-31', { working: false, why: '2020 Spring Festival extension (国办发明电〔2020〕1号)' }],
  ['2020-02-01', { working: false, why: '2020 Spring Festival extension (国办发明电〔2020〕1号)' }],
  // The 2023 New Year holiday was 2022-12-31 .. 2023-01-02, three days (国务院办公厅关于2023年部分
  // 节假日安排的通知); chinese-workday 1.16.1 also lists Tuesday 3 January as 元旦.
  ['2023-01-03', { working: true, why: 'chinese-workday lists 2023-01-03 as 元旦; the notice ends on 01-02' }],
]);

function loadOurs() {
  const days = new Map();
  for (let y = kFirstYear; y <= kLastYear; y++) {
    const file = JSON.parse(readFileSync(join(dataDir, `CN-${y}.json`), 'utf8'));
    assert.equal(file.year, y, `CN-${y}.json names year ${file.year}`);
    for (const d of file.days) {
      assert.ok(d.date.startsWith(`${y}-`), `${d.date} is filed under ${y}`);
      assert.ok(d.kind === 'holiday' || d.kind === 'workday', `${d.date}: kind ${d.kind}`);
      assert.ok(!days.has(d.date), `${d.date} listed twice`);
      days.set(d.date, d);
    }
  }
  return days;
}

function* everyDay() {
  for (let t = Date.UTC(kFirstYear, 0, 1); t <= Date.UTC(kLastYear, 11, 31); t += 86400000) {
    const d = new Date(t);
    yield { iso: d.toISOString().slice(0, 10), weekday: d.getUTCDay() };
  }
}

function oursWorking(special, { iso, weekday }) {
  const s = special.get(iso);
  if (s) return s.kind === 'workday';
  return weekday !== 0 && weekday !== 6;
}

test('runs in Asia/Shanghai, as chinese-workday needs', () => {
  assert.equal(new Date(2026, 0, 1).getTimezoneOffset(), -480);
});

test('the 2020 Spring Festival extension is in CN-2020.json', () => {
  const special = loadOurs();
  for (const iso of ['2020-01-31', '2020-02-01', '2020-02-02']) {
    assert.equal(special.get(iso)?.kind, 'holiday', iso);
  }
  assert.equal(oursWorking(special, { iso: '2020-02-03', weekday: 1 }), true);
});

test('every day of 2020..2026 agrees with chinese-workday except the named exceptions', () => {
  const special = loadOurs();
  const unexpected = [];
  const seenExceptions = new Set();
  let checked = 0;
  for (const day of everyDay()) {
    checked++;
    const ours = oursWorking(special, day);
    const theirs = cw.isWorkday(day.iso);
    if (ours === theirs) continue;
    const known = kKnownExceptions.get(day.iso);
    if (known && known.working === ours) {
      seenExceptions.add(day.iso);
      continue;
    }
    unexpected.push(`${day.iso}: ours ${ours ? 'working' : 'rest'}, chinese-workday ` +
                    `${theirs ? 'working' : 'rest'} (${cw.getFestival(day.iso)})`);
  }
  assert.equal(checked, 2557);  // 2020-01-01 .. 2026-12-31
  assert.deepEqual(unexpected, [], 'differences not in kKnownExceptions');
  const stale = [...kKnownExceptions.keys()].filter((d) => !seenExceptions.has(d));
  assert.deepEqual(stale, [], 'known exceptions that no longer differ');
});

test('adjusted working days fall on weekends, and only there', () => {
  const special = loadOurs();
  for (const day of everyDay()) {
    const s = special.get(day.iso);
    if (s?.kind === 'workday') {
      assert.ok(day.weekday === 0 || day.weekday === 6, `${day.iso} is an adjusted working weekday`);
    }
  }
});
