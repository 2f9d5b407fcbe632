#!/usr/bin/env node
// Builds data/demo/catalog.json, the demo city's catalogue (issue 5, item 8), which
// `tongban demo` loads through the catalogue's own services (src/demo/catalog.cpp).
//
//   node scripts/data-import/demo-catalog/build-catalog.mjs
//
// The JSON is the product and is committed; this script keeps its ~90 entries consistent (one
// place per base item for the conditions, materials, form and legal basis; workflows computed
// from each entry's committed limit so the steps never exceed it). An item here is
//
//   { code, name, power_type, legal_basis, audience, themes, window,      // base item + window category
//     conditions, materials, statutory, fees, online, visits, promise, issues, form,
//     suspensions, wfOpts | workflow(committed),                        // shared by its entries
//     entries: [{ dept, committed | immediate, visits?, online?, promise?, published?,
//                 office?, address? }] }
//
// Entry codes are the base code + "-" + the handling department's division code.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { DEPARTMENTS, level, windowOf, wfStandard, wfImmediate } from './lib.mjs';
import { LICENCE_TYPES } from './licence-types.mjs';
import { BUSINESS_ITEMS } from './items-business.mjs';
import { SOCIAL_ITEMS } from './items-social.mjs';
import { ENFORCEMENT_ITEMS } from './items-enforcement.mjs';
import {
  POWER_RESPONSIBILITIES, POWER_ACCOUNTABILITY, DUTY, BOUNDARY, TERRITORIAL, PROOF, NO_PENALTY, LIGHTER_PENALTY,
} from './lists.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const ITEMS = [...BUSINESS_ITEMS, ...SOCIAL_ITEMS, ...ENFORCEMENT_ITEMS];
const LEVEL_ORDER = ['city', 'district', 'street'];

function elementsOf(item, e) {
  const immediate = !!e.immediate;
  const committed = immediate ? 0 : e.committed;
  const suspensions = item.suspensions ?? [];
  let workflow;
  if (immediate) workflow = wfImmediate(item.issues ? '办结并出证' : '办结');
  else if (item.workflow) workflow = item.workflow(committed);
  else workflow = wfStandard(committed, suspensions, item.wfOpts ?? {});
  const win = windowOf(e.dept, item.window, e.office);
  return {
    conditions: item.conditions,
    materials: item.materials,
    statutory_limit_days: item.statutory,
    committed_limit_days: committed,
    immediate,
    fees: item.fees ?? [],
    online_depth: e.online ?? item.online ?? 4,
    visits: e.visits ?? item.visits ?? 0,
    window_category: item.window,
    service_address: e.address ?? win.service_address,
    service_hours: win.service_hours,
    consult_phone: win.consult_phone,
    form_schema: item.form,
    workflow,
    instant_rules: null,
    promise_eligible: e.promise ?? item.promise ?? false,
    issues_licence_type: item.issues ?? null,
  };
}

const baseItems = [];
const entries = [];
for (const item of ITEMS) {
  const levels = new Set(item.entries.map((e) => level(e.dept)));
  baseItems.push({
    code: item.code, name: item.name, power_type: item.power_type, legal_basis: item.legal_basis,
    audience: item.audience, themes: item.themes, levels: LEVEL_ORDER.filter((l) => levels.has(l)),
  });
  for (const e of item.entries) {
    entries.push({
      code: `${item.code}-${DEPARTMENTS[e.dept].division}`,
      base: item.code,
      department: e.dept,
      published: e.published ?? true,
      elements: elementsOf(item, e),
    });
  }
}

// The demo loader publishes entry n (counting published entries in file order) 30 + (n·37 mod 520)
// days before the demo date; an adjustment must come after its entry's publication.
const publishedDaysAgo = new Map();
let n = 0;
for (const e of entries) if (e.published) publishedDaysAgo.set(e.code, 30 + ((n++ * 37) % 520));
const after = (code) => Math.max(5, Math.floor(publishedDaysAgo.get(code) / 2));

const adjustments = [
  {
    kind: 'delegate', entry: '201601001000-370202', department: 's370202001', code: '201601001000-370202001',
    days_ago: after('201601001000-370202'),
    reason: '按照“宜放则放、应放尽放”原则，城乡居民基本养老保险参保登记下放至香港中路街道便民服务中心办理，打造“15 分钟便民服务圈”',
  },
  {
    kind: 'cancel', entry: '102301001000-370200', days_ago: after('102301001000-370200'),
    reason: '《全国人民代表大会常务委员会关于修改〈中华人民共和国对外贸易法〉的决定》（2022年12月30日）删去对外贸易经营者备案登记的规定，本事项取消',
  },
];

// 权责清单: one row per city-level published entry, with the standard responsibilities of its
// power type.
const power = [];
for (const e of entries) {
  if (!e.published || level(e.department) !== 'city') continue;
  const base = baseItems.find((b) => b.code === e.base);
  power.push({
    department: DEPARTMENTS[e.department].name,
    power_type: base.power_type,
    name: base.name,
    code: e.code,
    legal_basis: base.legal_basis,
    responsibilities: POWER_RESPONSIBILITIES[base.power_type],
    accountability: POWER_ACCOUNTABILITY,
  });
}

const catalog = {
  licence_types: LICENCE_TYPES,
  base_items: baseItems,
  entries,
  adjustments,
  lists: {
    power, duty: DUTY, boundary: BOUNDARY, territorial: TERRITORIAL, proof: PROOF,
    no_penalty: NO_PENALTY, lighter_penalty: LIGHTER_PENALTY,
  },
};

const out = join(root, 'data', 'demo', 'catalog.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(catalog, null, 2)}\n`);
console.log(`wrote ${out}: ${LICENCE_TYPES.length} licence types, ${baseItems.length} base items, ${entries.length} entries, ` +
  Object.entries(catalog.lists).map(([k, v]) => `${k} ${v.length}`).join(', '));
