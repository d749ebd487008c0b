// util.inspect with showHidden: non-enumerable own properties in brackets, symbols,
// and the non-method properties of user-defined prototypes (up to three levels).
const util = require('util');
const show = (v, extra) => console.log(util.inspect(v, { showHidden: true, ...extra }));

show([1, 2]);
show([]);
show({ a: 1, [Symbol('s')]: 2 });
show(Object.defineProperty({ v: 1 }, 'hidden', { value: 2 }));
const err = new RangeError('bad');
err.stack = 'RangeError: bad\n    at somewhere (x.js:1:1)';
show(err);
show(function named() {});
show(new Map([[1, { a: [1] }]]).entries());
show([1].values());
show((function* gen() {})());

class Base { get y() { return 2; } m() {} }
Object.defineProperty(Base.prototype, 'z', { value: 5 });
Base.prototype.w = 7;
class Derived extends Base { constructor() { super(); this.x = 1; } get q() { return 1; } }
Derived.prototype.v = { deep: { er: { x: 1 } } };
show(new Derived());
show(new Derived(), { depth: 0 });
show({ x: new Derived() }, { depth: 0 });
show(new Derived(), { getters: true });
show(new Derived(), { sorted: true });
show(new Derived(), { colors: true });

class L1 { get a() { return 1; } }
class L2 extends L1 { get b() { return 1; } }
class L3 extends L2 { get c() { return 1; } }
class L4 extends L3 { get d() { return 1; } }
show(new L4());
class Empty {}
show(new Empty());
class MyArr extends Array { get g() { return 1; } }
show(MyArr.from([1]));
class MyErr extends Error { get code() { return 'E'; } }
const e2 = new MyErr('m');
e2.stack = 'MyErr: m';
show(e2);
const circ = {};
class C {}
C.prototype.self = circ;
Object.setPrototypeOf(circ, C.prototype);
show(circ);
// Without showHidden none of this shows.
console.log(util.inspect(new Derived()));
console.log(util.inspect([1, 2]));
