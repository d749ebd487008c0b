// perf_hooks' own code keeps working when user code patches built-ins it would use.
// The patches are undone before printing: node's console would trip over them.
const { performance, PerformanceObserver, createHistogram } = require('perf_hooks');
const boom = () => { throw new Error('patched'); };
const patches = [
  [Array.prototype, ['push', 'filter', 'sort', 'includes']],
  [Function.prototype, ['call', 'apply']],
  [String.prototype, ['slice']],
  [Map.prototype, ['get', 'set']],
  [Set.prototype, ['add', 'has']],
  [Promise.prototype, ['then']],
];
const saved = patches.map(([proto, names]) => names.map((n) => proto[n]));
for (const [proto, names] of patches) for (const n of names) proto[n] = boom;
function restore() {
  for (let i = 0; i < patches.length; i++) {
    const [proto, names] = patches[i];
    for (let j = 0; j < names.length; j++) proto[names[j]] = saved[i][j];
  }
}

let out = '';
const obs = new PerformanceObserver((list, o) => {
  out += `${list.getEntriesByType('mark').length} ${list.getEntriesByName('m').length} ${list.getEntries().length}`;
  o.disconnect();
  restore();
  console.log(out);
});
obs.observe({ entryTypes: ['mark', 'measure', 'function'] });
performance.mark('m');
performance.measure('x', 'm');
performance.timerify(function f() {})();
const h = createHistogram();
h.record(3);
h.record(9);
out += `${h.percentile(50)} ${h.percentiles.size} ${h.mean}\n`;
