// Inside an I/O callback (the poll phase), a setImmediate always runs before a
// setTimeout(0) set in the same callback: the check phase comes right after poll,
// timers only on the next turn. Checked from fs.readFile's and fs.stat's
// callbacks, a promise continuation of fs.promises, and repeated to catch races.
const fs = require('fs');

const order = [];
function race(label, done) {
  const seen = [];
  setTimeout(() => {
    seen.push('timeout');
    if (seen.length === 2) done(label, seen);
  }, 0);
  setImmediate(() => {
    seen.push('immediate');
    if (seen.length === 2) done(label, seen);
  });
}

let rounds = 0;
function report(label, seen) {
  order.push(`${label}:${seen.join('>')}`);
  if (++rounds === 3 * 20 + 1) finish();
}

function finish() {
  const counts = {};
  for (const o of order) counts[o] = (counts[o] || 0) + 1;
  for (const key of Object.keys(counts).sort()) console.log(key, counts[key]);
}

for (let i = 0; i < 20; i++) {
  fs.readFile(__filename, () => race('readFile', report));
  fs.stat(__filename, () => race('stat', report));
  fs.open(__filename, 'r', (err, fd) => {
    race('open', report);
    fs.closeSync(fd);
  });
}
fs.promises.stat(__filename).then(() => race('promises.stat', report));
