// timers/promises: setTimeout/setImmediate resolve with their value; an aborted
// signal rejects with AbortError.
const { setTimeout: sleep, setImmediate: immediate } = require('timers/promises');
(async () => {
  console.log(await sleep(5, 'slept'));
  console.log(await immediate('immediate'));
  const ac = new AbortController();
  const p = sleep(1000, 'never', { signal: ac.signal });
  ac.abort();
  try { await p; } catch (e) { console.log(e.name, e.code); }
})();
