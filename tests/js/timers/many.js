// 200,000 timers over 50 durations all fire, and timers of one duration fire in
// the order they were created.
const N = 200000;
let fired = 0;
let inOrder = true;
const lastByDuration = new Array(51).fill(-1);
for (let i = 0; i < N; i++) {
  const d = 1 + (i % 50);
  setTimeout(() => {
    fired++;
    if (i < lastByDuration[d]) inOrder = false;
    lastByDuration[d] = i;
  }, d);
}
process.on('exit', () => console.log(fired, inOrder));
