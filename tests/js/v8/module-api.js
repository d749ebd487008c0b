// The v8 module beyond serialization: heap statistics (keys and types; the spaces'
// names are the engine's own), code statistics, setFlagsFromString, the version
// tag, heap snapshots to a file and as a stream, promiseHooks (events in order,
// stop, validation, a throwing hook reported as an uncaught exception),
// startupSnapshot outside a snapshot build, coverage calls, argument errors.
const v8 = require('v8');
const fs = require('fs');
const os = require('os');
const path = require('path');

const types = (o) => Object.entries(o).map(([k, v]) => `${k}:${typeof v}`).join(' ');
console.log('heap', types(v8.getHeapStatistics()));
const spaces = v8.getHeapSpaceStatistics();
console.log('spaces', spaces.length > 4, types(spaces[0]), spaces.some((s) => s.space_name === 'old_space'));
console.log('code', types(v8.getHeapCodeStatistics()));
console.log('tag', typeof v8.cachedDataVersionTag(), v8.cachedDataVersionTag() === v8.cachedDataVersionTag());

for (const bad of [1, undefined]) {
  try { v8.setFlagsFromString(bad); } catch (e) { console.log(e.code, e.message); }
}
v8.setFlagsFromString('--allow-natives-syntax');
console.log('natives syntax', eval('%IsSmi(1)'));

const file = path.join(os.tmpdir(), `coil-v8-${process.pid}.heapsnapshot`);
console.log('written to the name given', v8.writeHeapSnapshot(file) === file);
const snap = JSON.parse(fs.readFileSync(file, 'utf8'));
fs.unlinkSync(file);
console.log('snapshot', Object.keys(snap).slice(0, 3), snap.snapshot.node_count > 1000);
try { v8.writeHeapSnapshot(path.join(os.tmpdir(), 'no-such-dir', 'x.heapsnapshot')); } catch (e) {
  console.log(e.code, e.syscall, e.errno);
}
try { v8.getHeapSnapshot(1); } catch (e) { console.log(e.code, e.message); }
try { v8.setHeapSnapshotNearHeapLimit(0); } catch (e) { console.log(e.code, e.message); }
console.log('coverage', v8.takeCoverage(), v8.stopCoverage());

const { startupSnapshot } = v8;
console.log('building snapshot', startupSnapshot.isBuildingSnapshot());
try { startupSnapshot.addSerializeCallback(() => {}); } catch (e) { console.log(e.code, e.message); }

for (const bad of [1, async () => {}, function* gen() {}]) {
  try { v8.promiseHooks.onBefore(bad); } catch (e) { console.log(e.code, e.message); }
}
try { v8.promiseHooks.createHook({ settled: 'x' }); } catch (e) { console.log(e.code, e.message); }

const events = [];
const names = new Map();
const name = (p) => names.get(p) ?? '?';
const stop = v8.promiseHooks.createHook({
  init(p, parent) { events.push(`init ${parent ? 'with parent' : 'no parent'}`); },
  before(p) { events.push(`before ${name(p)}`); },
  after(p) { events.push(`after ${name(p)}`); },
  settled(p) { events.push(`settled ${name(p)}`); },
});
const a = Promise.resolve(1);
names.set(a, 'a');
const b = a.then(() => { events.push('run b'); });
names.set(b, 'b');
b.then(() => {
  stop();
  events.push('stopped');
  Promise.resolve(2).then(() => {
    console.log(events.join('\n'));
    // A hook that throws: the error comes out as an uncaught exception.
    process.once('uncaughtException', (err) => console.log('uncaught from hook:', err.message));
    const off = v8.promiseHooks.onInit(() => { off(); throw new Error('hook threw'); });
    Promise.resolve(3);
    console.log('promise machinery went on');
  });
});
