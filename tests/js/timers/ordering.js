// Node's ordering rules: sync code, then nextTick, then promise jobs; microtasks
// run between two timer callbacks and between two immediates; an immediate
// scheduled by an immediate runs in the next turn, after timers that came due.
const log = [];
setTimeout(() => {
  log.push('timeout1');
  process.nextTick(() => log.push('tick-in-timeout1'));
  Promise.resolve().then(() => log.push('promise-in-timeout1'));
}, 0);
setTimeout(() => log.push('timeout2'), 0);
setImmediate(() => {
  log.push('immediate1');
  Promise.resolve().then(() => log.push('promise-in-immediate1'));
  setImmediate(() => log.push('immediate-from-immediate'));
});
setImmediate(() => log.push('immediate2'));
Promise.resolve().then(() => log.push('promise'));
process.nextTick(() => log.push('tick'));
log.push('sync');
setTimeout(() => {
  // By the time a 20 ms timer fires, everything above has run.
  const idx = (name) => log.indexOf(name);
  console.log(log.slice(0, 3).join(','));
  console.log(idx('tick-in-timeout1') === idx('timeout1') + 1, idx('promise-in-timeout1') === idx('timeout1') + 2);
  console.log(idx('promise-in-immediate1') === idx('immediate1') + 1);
  console.log(idx('immediate2') > idx('promise-in-immediate1'));
  console.log(idx('immediate-from-immediate') > idx('immediate2'));
}, 20);
