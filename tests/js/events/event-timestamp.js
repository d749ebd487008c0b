// Event.timeStamp reads performance.now()'s clock directly: monotonic, close to
// performance.now(), and not changed by replacing globalThis.performance.
const before = performance.now();
const a = new Event('a');
const b = new Event('b');
console.log(a.timeStamp >= before, b.timeStamp >= a.timeStamp, performance.now() - b.timeStamp < 1000);
const real = globalThis.performance;
globalThis.performance = { now: () => -5 };
const c = new Event('c');
console.log(c.timeStamp >= b.timeStamp, c.timeStamp > 0);
globalThis.performance = real;
const t = new EventTarget();
let seen = 0;
t.addEventListener('x', (e) => { seen += e.timeStamp > 0 ? 1 : 0; });
for (let i = 0; i < 3; i++) t.dispatchEvent(new Event('x'));
console.log(seen);
