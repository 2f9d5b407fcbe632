#!/usr/bin/env node
// Builds data/holidays/CN-YYYY.json from the npm package `holiday-calendar` (installed by `npm ci`
// in tests/), for the years the platform ships (default 2020..2026).
//
//   node scripts/data-import/import-holidays.mjs [--from 2020] [--to 2026]
//
// Each output file lists the days of one calendar year that differ from the plain rule
// "Monday-Friday work, Saturday-Sunday rest": official holidays (kind "holiday", any weekday) and
// adjusted working days (调休补班, kind "workday", on a weekend). The C++ WorkingCalendar
// (src/platform/calendar/working_calendar.hpp) reads them; an administrator's overrides go on top
// at run time, and a new year is added the same way or as a new file.
//
// The package files are per holiday season, not per calendar year (CN/2023.json holds the New
// Year holiday from 2022-12-31), so days are regrouped by their own year here.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'scripts', 'data-import', 'package.json'));
const pkgDir = dirname(require.resolve('holiday-calendar/package.json'));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const from = opt('--from', 2020);
const to = opt('--to', 2026);
const outDir = join(root, 'data', 'holidays');
mkdirSync(outDir, { recursive: true });

// Corrections by law that the package lacks or has differently, each with its source. They win
// over the package's entry for the same date.
const kCorrections = [
  // 国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号，2020-01-26）: the Spring
  // Festival holiday was extended to 2 February 2020 (正月初九); work resumed on 3 February. That
  // makes 31 January (Fri), 1 February (Sat, originally an adjusted working day) and 2 February
  // (Sun) holidays.
  ...['2020-01-31', '2020-02-01', '2020-02-02'].map((date) => ({
    date,
    kind: 'holiday',
    name: '春节（延长假期）',
    name_en: 'Spring Festival (extended)',
    note: '国办发明电〔2020〕1号',
  })),
];

const byDate = new Map();
for (let y = from - 1; y <= to + 1; y++) {
  let file;
  try {
    file = JSON.parse(readFileSync(join(pkgDir, 'data', 'CN', `${y}.json`), 'utf8'));
  } catch {
    continue;  // the package has no such season file (e.g. next year not yet published)
  }
  for (const d of file.dates) {
    const kind = { public_holiday: 'holiday', transfer_workday: 'workday' }[d.type];
    if (!kind) throw new Error(`unknown type ${d.type} on ${d.date}`);
    const day = { date: d.date, kind, name: d.name_cn ?? d.name, name_en: d.name_en };
    const seen = byDate.get(d.date);
    if (seen && seen.kind !== kind) throw new Error(`conflicting entries for ${d.date}`);
    byDate.set(d.date, day);
  }
}
for (const c of kCorrections) byDate.set(c.date, c);

const weekday = (iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();  // 0 = Sunday
};

for (let y = from; y <= to; y++) {
  const days = [...byDate.values()]
    .filter((d) => d.date.startsWith(`${y}-`))
    .sort((a, b) => a.date.localeCompare(b.date));
  if (days.length === 0) throw new Error(`no holiday data for ${y}`);
  for (const d of days) {
    const wd = weekday(d.date);
    if (d.kind === 'workday' && wd !== 0 && wd !== 6) {
      throw new Error(`${d.date}: an adjusted working day on a weekday`);
    }
  }
  const head = {
    year: y,
    region: 'CN',
    source: `npm holiday-calendar ${pkg.version} (${pkg.license}), data/CN/*.json`,
  };
  const lines = days.map((d) => JSON.stringify(d)).join(',\n');
  writeFileSync(join(outDir, `CN-${y}.json`),
                `${JSON.stringify(head).slice(0, -1)},"days":[\n${lines}\n]}\n`);
  const h = days.filter((d) => d.kind === 'holiday').length;
  console.log(`CN-${y}.json: ${h} holidays, ${days.length - h} adjusted working days`);
}
