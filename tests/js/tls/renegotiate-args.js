// renegotiate() checks its arguments as node's does (options an object, callback a
// function when given) before anything else.
const tls = require('tls');
const s = new tls.TLSSocket(null);
for (const args of [[], [() => {}], [{}, false], [{}, null], ['x']]) {
  try { s.renegotiate(...args); console.log('no throw'); } catch (e) { console.log(e.code, e.message); }
}
