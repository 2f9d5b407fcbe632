// The peer of bench/03_schema.sh: ajv (with ajv-formats, from tests/node_modules) validating the
// same form and data as platform/schema's microbenchmark, with Tongban's four formats written in
// JavaScript as a browser form would register them (the same rules as platform/codes: alphabet,
// province, check characters). Prints one JSON line: µs per validation of the valid data and of
// the data with six mistakes, µs per compile, and the answers, so the script can compare them.
// Usage: node bench/schema_peer.mjs FORM.json DATA.json
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(new URL('../tests/package.json', import.meta.url));
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

const PROVINCES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82']);
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const TODAY = '2026-03-02';

function creditCode(s) {
  if (s.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 18; i++) {
    const v = CREDIT_ALPHABET.indexOf(s[i]);
    if (v < 0) return false;
    if (i < 17) sum += v * CREDIT_WEIGHTS[i];
  }
  const division = s.slice(2, 8);
  if (division !== '100000' && !PROVINCES.has(division.slice(0, 2))) return false;
  let org = 0;
  for (let i = 0; i < 8; i++) org += parseInt(s[8 + i], 36) * ORG_WEIGHTS[i];
  const c = 11 - (org % 11);
  if (s[16] !== (c === 10 ? 'X' : c === 11 ? '0' : String(c))) return false;
  return s[17] === CREDIT_ALPHABET[(31 - (sum % 31)) % 31];
}

function citizenId(s) {
  if (!/^\d{17}[\dX]$/.test(s) || !(PROVINCES.has(s.slice(0, 2)) || s.startsWith('83'))) return false;
  const birth = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  const d = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== birth || birth > TODAY) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * ID_WEIGHTS[i];
  return s[17] === '10X98765432'[sum % 11];
}

const divisionCode = (s) => /^\d{6}(\d{3})?$/.test(s) && PROVINCES.has(s.slice(0, 2)) && !(s.length === 9 && s.endsWith('000'));
const phoneCn = /^(?:1[3-9]\d{9}|0\d{2,3}-\d{7,8})$/;

function makeAjv() {
  const ajv = new Ajv({ allErrors: true, strict: false, multipleOfPrecision: 9 });
  addFormats(ajv, ['date', 'date-time', 'email']);
  ajv.addFormat('credit-code', creditCode);
  ajv.addFormat('citizen-id', citizenId);
  ajv.addFormat('division-code', divisionCode);
  ajv.addFormat('phone-cn', phoneCn);
  return ajv;
}

// Mean µs per call of fn over at least half a second, after `warmup` calls.
function time(fn, warmup = 2000) {
  for (let i = 0; i < warmup; i++) fn();
  const batch = Math.max(1, Math.min(1000, warmup));
  let n = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < 500_000_000n) {
    for (let i = 0; i < batch; i++) fn();
    n += batch;
    elapsed = process.hrtime.bigint() - start;
  }
  return Number(elapsed) / 1000 / n;
}

const form = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const valid = JSON.parse(readFileSync(process.argv[3], 'utf8'));
// The same six mistakes as bench/schema_bench.cpp.
const invalid = structuredClone(valid);
invalid.phone = '12345';
invalid.credit_code = '91350100M000100Y44';
invalid.employees = -1;
invalid.materials[1].copies = 0;
invalid.applied_at = '2026-03-02 9:30';
invalid.remark = 'not in the form';

const ajv = makeAjv();
const validate = ajv.compile(form);
const answers = { valid: validate(valid), invalid: validate(invalid), invalid_errors: validate.errors?.length ?? 0 };
console.log(JSON.stringify({
  valid_us: time(() => validate(valid)),
  invalid_us: time(() => validate(invalid)),
  // ajv caches a compiled schema: remove it each time so every call compiles (code generation
  // and new Function included), as a changed form would.
  compile_us: time(() => {
    ajv.compile(form);
    ajv.removeSchema(form);
  }, 20),
  ...answers,
  ajv: require('ajv/package.json').version,
  ajv_formats: require('ajv-formats/package.json').version,
  node: process.version,
}));
