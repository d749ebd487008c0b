// A throw in a nested domain is handled in its parent (the stack keeps the
// parent); a domain without 'error' listeners lets the error reach
// 'uncaughtException', which runs outside every domain.
const domain = require('domain');

const outer = domain.create();
const inner = domain.create();
const bare = domain.create();
process.on('uncaughtException', (err) => {
  console.log('uncaught', err.message, process.domain, domain._stack.length, err.domain);
});
inner.on('error', (err) => {
  console.log('inner got', err.message, domain._stack.length, process.domain === outer);
  process.nextTick(() => {
    console.log('tick in parent:', process.domain === outer);
    // Started from here (not at the top) so that a slow start cannot reorder it.
    setTimeout(() => bare.run(() => { throw new Error('bare'); }), 5);
  });
});
// The throw leaves the rest of this script unrun, as any top-level throw does.
outer.run(() => {
  inner.run(() => { throw new Error('nested'); });
});
