// A TLSSocket over a plain Duplex (no net.Socket under it) is not connecting and
// not pending, as node's.
const tls = require('tls'); const { Duplex } = require('stream');
const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
const s = new tls.TLSSocket(d);
console.log(s.connecting, s.pending, s.readyState, typeof s.remoteAddress);
s.destroy();
