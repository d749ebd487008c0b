// Buffer creation: alloc/allocUnsafe/from/concat/copyBytesFrom/of, pooling, argument errors.
const buffer = require('buffer');
const { Buffer, SlowBuffer } = buffer;
const t = (f) => { try { console.log(f()); } catch (e) { console.log(e.name, e.code, e.message); } };
console.log(Object.getPrototypeOf(Buffer.prototype) === Uint8Array.prototype, Buffer.from('x') instanceof Uint8Array, Buffer.poolSize);
console.log(buffer.kMaxLength, buffer.constants, buffer.INSPECT_MAX_BYTES, typeof SlowBuffer);
// pooling: small allocUnsafe/from share one 8192-byte ArrayBuffer; big and slow ones do not
const a = Buffer.allocUnsafe(10), b = Buffer.from('hello');
console.log(a.buffer === b.buffer, a.buffer.byteLength, b.byteOffset % 8);
console.log(Buffer.allocUnsafe(4096).buffer.byteLength, Buffer.allocUnsafeSlow(10).buffer.byteLength, Buffer.alloc(10).buffer.byteLength);
t(() => Buffer.alloc(5, 'ab')); t(() => Buffer.alloc(4, 'aabb', 'hex')); t(() => Buffer.alloc(3, 257)); t(() => Buffer.alloc(3, ''));
t(() => Buffer.from([1, 256, -1, 1.5, '7'])); t(() => Buffer.from(new Uint16Array([1, 258])));
t(() => Buffer.from(new ArrayBuffer(8), 2, 3).length); t(() => Buffer.from(new String('str')));
t(() => Buffer.from({ valueOf() { return 'vo'; } })); t(() => Buffer.from({ [Symbol.toPrimitive]() { return 'tp'; } }));
t(() => Buffer.from({ length: 2, 0: 7 })); t(() => Buffer.from({ type: 'Buffer', data: [1, 2] }));
t(() => Buffer.concat([Buffer.from('ab'), new Uint8Array([99])])); t(() => Buffer.concat([Buffer.from('ab')], 4)); t(() => Buffer.concat([Buffer.from('abc')], 2)); t(() => Buffer.concat([]));
t(() => Buffer.of(1, 2, 3)); t(() => Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 1, 1));
t(() => Buffer(3)); t(() => new Buffer('ab'));
t(() => Buffer.alloc(-1)); t(() => Buffer.alloc('1')); t(() => Buffer.alloc(NaN)); t(() => Buffer.allocUnsafe(2 ** 53));
t(() => Buffer.from(5)); t(() => Buffer.from(null)); t(() => Buffer.from({})); t(() => Buffer.from('ab', 'foo'));
t(() => Buffer.from(new ArrayBuffer(4), 5)); t(() => Buffer.from(new ArrayBuffer(4), 1, 5));
t(() => Buffer.concat(5)); t(() => Buffer.concat([1])); t(() => Buffer.concat([Buffer.from('a')], -1));
t(() => Buffer.alloc(3, 'zz', 'hex')); t(() => Buffer(4, 'utf8')); t(() => Buffer.copyBytesFrom(5)); t(() => Buffer.copyBytesFrom(new Uint8Array(2), -1));
t(() => Buffer.compare(1, Buffer.alloc(1))); t(() => Buffer.compare(Buffer.alloc(1), 2));
t(() => [Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.compare(Buffer.from('b'), Buffer.from('a')), Buffer.compare(Buffer.from('ab'), Buffer.from('ab'))]);
t(() => [Buffer.isBuffer(Buffer.alloc(1)), Buffer.isBuffer(new Uint8Array(1)), Buffer.isBuffer('x')]);
