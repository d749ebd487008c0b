// process.stdout and process.stderr are stream.Writable instances with node's
// stdio fields; here stdout is a pipe or a file, never a terminal.
'use strict';
const { Writable } = require('stream');
for (const [name, fd] of [['stdout', 1], ['stderr', 2]]) {
  const s = process[name];
  console.log(name, s instanceof Writable, s.fd === fd, s._isStdio,
    'isTTY' in s ? s.isTTY : 'absent', s.writable, typeof s.destroySoon, typeof s.writableLength);
}
// write returns true, its callback runs after the data went out, in order.
const order = [];
process.stdout.write('a\n', () => order.push('cb1'));
process.stdout.write(Buffer.from('b\n'), () => order.push('cb2'));
process.stdout.write('630a', 'hex');
// Bad chunks are refused as node refuses them.
try {
  process.stdout.write(42);
} catch (e) {
  console.log(e.code);
}
setImmediate(() => {
  console.log(order.join(','));
});
