// The peer of bench/05_cases.sh's lifecycle figure: npm bpmn-engine (tests/node_modules) running the
// same five steps as a BPMN process — start (the submission), then five user tasks: accept (受理),
// review (审查, forward), decide (决定, approve), issue (制证出件), complete (办结) — each task
// signalled with the actor and opinion as soon as it waits, as a worklist would. The process
// definition is parsed once (its serialized context shared by every case), so the timed loop is
// the engine running cases, not XML parsing. Its state lives in memory only: nothing is stored.
// Prints one JSON line: cases per second, user tasks completed per case, versions.
// Usage: node bench/cases_peer.mjs [seconds]
import { createRequire } from 'node:module';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';

const require = createRequire(new URL('../tests/package.json', import.meta.url));
const { Engine } = require('bpmn-engine');

const TASKS = [
  ['accept', '受理', 'window1'],
  ['review', '审查', 'reviewer_scjg'],
  ['decide', '决定', 'approver_scjg'],
  ['issue', '制证出件', 'window1'],
  ['complete', '办结', 'company1'],
];
const flows = ['submitted', ...TASKS.map(([id]) => id), 'end'];
const xml = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="tongban" targetNamespace="http://tongban.local/bpmn">
  <process id="case" isExecutable="true">
    <startEvent id="submitted" />
${TASKS.map(([id, name]) => `    <userTask id="${id}" name="${name}" />`).join('\n')}
    <endEvent id="end" />
${flows.slice(1).map((to, i) => `    <sequenceFlow id="f${i}" sourceRef="${flows[i]}" targetRef="${to}" />`).join('\n')}
  </process>
</definitions>`;

// Parse and serialize once, as the engine does with `source` (its `sourceContext` option takes
// the result; bpmn-moddle, bpmn-elements and moddle-context-serializer come with bpmn-engine).
const { default: BpmnModdle } = await import(require.resolve('bpmn-moddle'));
const Elements = await import(require.resolve('bpmn-elements'));
const { default: serializer, TypeResolver } = await import(require.resolve('moddle-context-serializer'));
const sourceContext = serializer(await new BpmnModdle().fromXML(xml), TypeResolver(Elements));

let tasksDone = 0;
// One case: a fresh engine on the shared definition, each user task signalled when it waits.
function runCase(n) {
  return new Promise((resolve, reject) => {
    const listener = new EventEmitter();
    listener.on('wait', (api) => {
      const task = TASKS.find(([id]) => id === api.id);
      tasksDone++;
      api.signal({ actor: task[2], opinion: '同意', at: Date.now() });
    });
    const engine = new Engine({ name: `case-${n}`, sourceContext });
    engine.once('end', () => resolve());
    engine.once('error', reject);
    engine.execute({ listener, variables: { number: `370200-20261123-${String(n).padStart(6, '0')}` } }).catch(reject);
  });
}

const seconds = Number(process.argv[2] ?? 4);
let n = 0;
for (let i = 0; i < 500; i++) await runCase(n++);  // warm-up
tasksDone = 0;
const start = process.hrtime.bigint();
let cases = 0;
while (process.hrtime.bigint() - start < BigInt(seconds * 1e9)) {
  await runCase(n++);
  cases++;
}
const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({
  cases_per_second: cases / elapsed,
  tasks_per_case: tasksDone / cases,
  cases,
  // (bpmn-engine exports no ./package.json)
  bpmn_engine: JSON.parse(readFileSync(new URL('../tests/node_modules/bpmn-engine/package.json', import.meta.url))).version,
  node: process.version,
}));
