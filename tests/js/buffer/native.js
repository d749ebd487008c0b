// The native string<->bytes paths on inputs long enough to skip the JS fast paths:
// lenient base64, hex stops, ucs2 alignment, search both ways, fill patterns, isUtf8.
const { Buffer, isUtf8, isAscii } = require('buffer');
const long = 'The quick brown fox jumps over the lazy dog. ';
const s = long.repeat(3) + 'é€😀\ud800end';
const b = Buffer.from(s);
console.log(b.length, Buffer.byteLength(s), b.toString() === s.replace('\ud800', '\ufffd'));
console.log(b.toString('hex').slice(-40), b.toString('base64').slice(-24), b.toString('base64url').slice(-24));
console.log(Buffer.from(b.toString('hex'), 'hex').equals(b), Buffer.from(b.toString('base64'), 'base64').equals(b),
  Buffer.from(b.toString('base64url'), 'base64').equals(b), Buffer.from(b.toString('base64'), 'base64url').equals(b));
const b64 = b.toString('base64');
const noisy = b64.replace(/(.{7})/g, '$1 \n\t*');
console.log(Buffer.from(noisy, 'base64').equals(b), Buffer.from(b64.slice(0, 40) + '=' + b64.slice(40), 'base64').length);
console.log(Buffer.from('ab'.repeat(40) + 'zz' + 'ab'.repeat(10), 'hex').length, Buffer.from('abc'.repeat(21), 'hex').length);
console.log(b.toString('latin1', 130, 150), JSON.stringify(b.toString('ascii', 135, 170)));
const u = Buffer.from(s, 'ucs2');
console.log(u.length, u.toString('ucs2') === s, u.subarray(1).toString('ucs2').length, Buffer.from(u.buffer, u.byteOffset + 1, 64).toString('ucs2').length);
const w = Buffer.alloc(80);
console.log(w.write(s, 3, 'ucs2'), w.write(s, 0, 7, 'utf8'), w.write('€'.repeat(40), 0, 'utf8'), w.write(long + long, 5, 'latin1'));
console.log(b.indexOf('lazy'), b.lastIndexOf('lazy'), b.indexOf('lazy', 40), b.lastIndexOf('lazy', 80), b.indexOf('€😀'), b.indexOf('nope'));
console.log(b.indexOf(Buffer.from('dog')), b.lastIndexOf(Buffer.from('dog')), b.indexOf(0x2e), b.lastIndexOf(0x2e), b.lastIndexOf(0x2e, 50));
console.log(u.indexOf('lazy', 0, 'ucs2'), u.lastIndexOf('lazy', undefined, 'ucs2'), u.indexOf('he', 1, 'utf16le'), u.indexOf(Buffer.from('l\0a\0'), 0, 'ucs2'));
console.log(b.indexOf('6c617a79', 0, 'hex'), b.indexOf('bGF6eQ==', 0, 'base64'), b.includes('fox', 100), b.includes('fox', -100));
const f = Buffer.alloc(70);
console.log(f.fill('abcdefghij'.repeat(4)).toString('latin1', 35, 45), f.fill('é€', 1, 69).toString('hex', 0, 12));
console.log(f.fill('6162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f80818283', 'hex').toString('hex', 30, 40));
console.log(f.fill('YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo=', 'base64').toString('latin1', 20, 40));
console.log(f.fill('\u0100\u0101'.repeat(20), 'ucs2').toString('hex', 0, 8), f.fill('\u0100\u0101'.repeat(20), 'latin1').toString('hex', 0, 8));
try { f.fill('zz'.repeat(20), 'hex'); } catch (e) { console.log(e.code, e.message.slice(0, 40)); }
console.log(Buffer.compare(b, Buffer.from(s)), Buffer.compare(b.subarray(0, 60), b), b.compare(Buffer.from(long)), Buffer.from(long).compare(b.subarray(0, 60)));
console.log(isUtf8(b), isUtf8(Buffer.concat([b, Buffer.from([0xff])])), isUtf8(new Uint8Array([0xed, 0xa0, 0x80])), isAscii(Buffer.from(long)), isAscii(b));
const big = Buffer.alloc(1 << 24, 'ab€');
console.log(big.toString('base64').length, Buffer.from(big.toString('hex'), 'hex').equals(big), big.indexOf('zz'), big.lastIndexOf('€'), isUtf8(big));
