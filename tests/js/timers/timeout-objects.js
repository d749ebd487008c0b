// Timeout and Immediate objects: ref/unref/hasRef/refresh, toPrimitive ids,
// clearTimeout by id, intervals, and argument passing.
const t = setTimeout(() => console.log('never'), 1000);
console.log(typeof t.ref, t.hasRef());
t.unref();
console.log(t.hasRef());
const id = +t;
console.log(typeof id, Number.isInteger(id));
clearTimeout(id);

let n = 0;
const iv = setInterval((x) => {
  n++;
  if (n === 3) {
    clearInterval(iv);
    console.log('interval ran', n, 'times with', x);
  }
}, 1, 'arg');

const imm = setImmediate(() => console.log('cleared immediate ran'));
clearImmediate(imm);
const imm2 = setImmediate((a, b) => console.log('immediate', a, b), 'a', 'b');
console.log(imm2.hasRef(), imm2.unref().hasRef(), imm2.ref().hasRef());

// An unref'd timer alone does not keep the process alive.
setTimeout(() => console.log('unref timer fired?'), 2000).unref();

// refresh() restarts the countdown from now.
// (1 ms of slack: the loop clock counts whole milliseconds.)
let refreshedAt = 0;
const r = setTimeout(() => console.log('refreshed fired a full period after refresh:', Date.now() - refreshedAt >= 19), 20);
setTimeout(() => { refreshedAt = Date.now(); r.refresh(); }, 10);
try { setTimeout('code'); } catch (e) { console.log(e.code); }
