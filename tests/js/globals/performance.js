// performance: now/timeOrigin consistency, mark/measure entries, lookups, clearing, errors.
const t0 = performance.now();
console.log(typeof t0, t0 >= 0, t0 < 5000, Math.abs(performance.timeOrigin + t0 - Date.now()) < 50);
let last = performance.now();
let mono = true;
for (let i = 0; i < 1000; i++) { const n = performance.now(); if (n < last) mono = false; last = n; }
console.log('monotonic', mono, Object.keys(performance), Object.prototype.toString.call(performance));
const m = performance.mark('a', { detail: { x: 1 } });
console.log(m.name, m.entryType, typeof m.startTime, m.duration, m.detail, Object.prototype.toString.call(m));
console.log(Object.keys(m.toJSON()), performance.mark('b').detail, performance.mark('c', { startTime: 5 }).startTime);
const ms = performance.measure('m', 'a');
console.log(ms.name, ms.entryType, ms.duration >= 0, ms.startTime === m.startTime, ms.detail);
const m2 = performance.measure('m2', { start: 'c', duration: 10, detail: 'd' });
console.log(m2.startTime, m2.duration, m2.detail);
console.log(performance.measure('m3', 'c', 'c').duration, performance.measure('m4', { start: 1, end: 4 }).duration);
console.log(performance.getEntriesByType('mark').map((e) => e.name), performance.getEntriesByName('m').length);
console.log(performance.getEntries().map((e) => e.name));
performance.clearMarks('a');
console.log(performance.getEntriesByType('mark').map((e) => e.name));
performance.clearMarks();
performance.clearMeasures('m');
console.log(performance.getEntries().map((e) => e.name));
performance.clearMeasures();
console.log(performance.getEntries().length);
try { performance.measure('x', 'nope'); } catch (e) { console.log(e.name, e.code, e.message, e instanceof DOMException); }
try { performance.mark(); } catch (e) { console.log(e.name, e.code, e.message); }
try { performance.mark('x', { detail: () => {} }); } catch (e) { console.log(e.name, e.code); }
console.log(Object.keys(performance.toJSON()), typeof performance.toJSON().timeOrigin);
console.log(Object.keys(performance.eventLoopUtilization()));
const f = performance.timerify(function add(a, b) { return a + b; });
console.log(f(2, 3));
console.log(require('perf_hooks').performance === performance);
