// Many round trips with a worker, one at a time and in bursts, with a timer due
// while the main thread waits for replies: every message arrives once, in order,
// and the timer still fires (a loop that busy-polls for a reply must not lose a
// message posted as it stops, nor hold a due timer back).
const { Worker } = require('worker_threads');

const code = `
const { parentPort } = require('worker_threads');
let expect = 0;
parentPort.on('message', (m) => {
  if (m === 'end') return parentPort.close();
  if (m.n !== expect) throw new Error('out of order: ' + m.n + ' for ' + expect);
  expect++;
  // A burst every 500 messages: several replies before the next ping.
  const copies = m.n % 500 === 0 ? 3 : 1;
  for (let i = 0; i < copies; i++) parentPort.postMessage({ n: m.n, i });
});
`;
const w = new Worker(code, { eval: true });
const total = 3000;
let sent = 0;
let got = 0;
let bursts = 0;
let timerFired = false;
setTimeout(() => { timerFired = true; }, 5);
const send = () => w.postMessage({ n: sent++, pad: 'x'.repeat(sent % 64) });
w.on('message', (m) => {
  got++;
  if (m.i > 0) {
    bursts++;
    return;
  }
  if (m.n !== sent - 1) throw new Error(`reply ${m.n} for ${sent - 1}`);
  if (sent < total) send();
  else w.postMessage('end');
});
w.on('exit', (code) => {
  console.log('exit', code);
  console.log('replies', got, 'extra in bursts', bursts);
  console.log('timer fired', timerFired);
});
send();
