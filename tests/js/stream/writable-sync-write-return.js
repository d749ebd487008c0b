// Writable#write() measures the buffered length against highWaterMark after
// _write() ran, as node 20 does: a chunk the sink finished synchronously does
// not count, whatever its size; one still in flight, or queued behind it, does.
const { Writable } = require('stream');

const sync = new Writable({ highWaterMark: 4, write(chunk, enc, cb) { cb(); } });
console.log('sync sink, 10 bytes:', sync.write('0123456789'), sync.writableLength, sync.writableNeedDrain);
let drains = 0;
sync.on('drain', () => drains++);

const pending = [];
const slow = new Writable({ highWaterMark: 4, write(chunk, enc, cb) { pending.push(cb); } });
console.log('async sink, 3 bytes:', slow.write('abc'), slow.writableLength);
console.log('async sink, 3 more (queued):', slow.write('def'), slow.writableLength, slow.writableNeedDrain);
slow.on('drain', () => console.log('slow drain, length', slow.writableLength));

// A Transform that ended its readable side finishes the write a tick later:
// the chunk still counts.
const { Transform } = require('stream');
const ended = new Transform({ transform(chunk, enc, cb) { this.push(null); cb(); } });
console.log('transform after push(null):', ended.write(Buffer.alloc(20000)), ended.writableLength);

const empty = new Writable({ highWaterMark: 0, write(chunk, enc, cb) { cb(); } });
console.log('hwm 0, sync sink:', empty.write('x'));

setImmediate(() => {
  console.log('sync sink drains:', drains);
  pending.shift()();
  setImmediate(() => pending.shift()());
});
