// performance.now() and Event timeStamps stay monotonic and on the same clock when
// called from optimized code (coil's clock then comes through a V8 fast call).
'use strict';
const start = performance.now();
let last = start;
let backwards = 0;
function read() { return performance.now(); }
for (let i = 0; i < 200000; i++) {
  const t = read();
  if (t < last) backwards++;
  last = t;
}
const stamps = [];
for (let i = 0; i < 50000; i++) stamps.push(new Event('x').timeStamp);
let eventBackwards = 0;
for (let i = 1; i < stamps.length; i++) if (stamps[i] < stamps[i - 1]) eventBackwards++;
console.log('backwards', backwards, eventBackwards);
console.log('events after start', stamps[0] >= start, 'numbers', typeof last, Number.isFinite(last));
const wall = Date.now() - performance.timeOrigin;
console.log('tracks the wall clock', Math.abs(wall - performance.now()) < 50);
