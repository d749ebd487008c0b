'use strict';
// bn.js: arbitrary-precision integers (uses Buffer when available).
const BN = require('bn.js');

const a = new BN('123456789012345678901234567890');
const b = new BN('987654321098765432109876543210');
console.log('add', a.add(b).toString(), 'sub', a.sub(b).toString(), 'mul', a.mul(b).toString());
console.log('div', b.div(a).toString(), 'mod', b.mod(a).toString(), 'divmod', JSON.stringify(Object.fromEntries(Object.entries(b.divmod(a)).map(([k, v]) => [k, v.toString()]))));
console.log('pow', new BN(3).pow(new BN(100)).toString(), 'sqr', a.sqr().toString(16));
console.log('hex', a.toString(16), 'bin', new BN(1234).toString(2), 'b36', a.toString(36), 'pad', new BN(5).toString(10, 8));
console.log('neg', a.neg().toString(), new BN(-15).abs().toString(), new BN('-ff', 16).toString(), new BN(-7).mod(new BN(3)).toString(), new BN(-7).umod(new BN(3)).toString());
console.log('cmp', a.cmp(b), b.cmp(a), a.cmp(a.clone()), a.eq(new BN(a.toString())), a.lt(b), a.gten(5), a.isZero(), new BN(0).isZero());
console.log('bits', a.bitLength(), a.byteLength(), a.zeroBits(), new BN(8).zeroBits(), a.testn(3), a.shln(10).toString(), a.shrn(10).toString());
console.log('logic', new BN(0b1100).and(new BN(0b1010)).toString(2), new BN(12).or(new BN(10)).toString(2), new BN(12).xor(new BN(10)).toString(2), new BN(5).notn(8).toString(2));
console.log('gcd', new BN(462).gcd(new BN(1071)).toString(), 'invm', new BN(3).invm(new BN(11)).toString(), 'egcd', new BN(240).egcd(new BN(46)).gcd.toString());
const buf = a.toArrayLike(Buffer, 'be', 16);
console.log('buffer', Buffer.isBuffer(buf), buf.toString('hex'), a.toArrayLike(Buffer, 'le').toString('hex'), a.toArray('be', 14).join(','));
console.log('fromBuffer', new BN(Buffer.from('0102030405060708090a', 'hex')).toString(), new BN(Buffer.from('ff00', 'hex'), 16, 'le').toString());
console.log('twos', new BN(-1).toTwos(32).toString(16), new BN('ffffffff', 16).fromTwos(32).toString(), 'number', new BN(2).pow(new BN(52)).toNumber(), new BN(12345).toJSON());
const red = BN.red(new BN(101));
const x = new BN(7).toRed(red);
console.log('red', x.redPow(new BN(100)).fromRed().toString(), x.redInvm().fromRed().toString(), x.redSqr().fromRed().toString());
const mont = BN.mont(new BN('fffffffffffffffffffffffffffffffeffffffffffffffff', 16));
console.log('mont', new BN(123456789).toRed(mont).redPow(new BN(65537)).fromRed().toString(16));
console.log('isBN', BN.isBN(a), BN.isBN(5), BN.max(a, b).toString() === b.toString(), BN.min(a, b).toString() === a.toString());
try { new BN(1).toNumber(); new BN(2).pow(new BN(60)).toNumber(); } catch (e) { console.log('error', e.message); }
