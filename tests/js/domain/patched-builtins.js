// domain's own code does not reach array built-ins a program replaced (node's own
// domain calls Function.prototype.call, so those are not patched here).
const domain = require('domain');
const EventEmitter = require('events');
const d = domain.create();
console.log('start');
d.on('error', (err) => console.log('error:', err.message, err.domainThrown));
const saved = {
  iterator: Array.prototype[Symbol.iterator], push: Array.prototype.push,
  splice: Array.prototype.splice, indexOf: Array.prototype.indexOf,
  call: Function.prototype.call, apply: Function.prototype.apply,
};
function boom() { throw new Error('patched built-in reached'); }
Array.prototype[Symbol.iterator] = boom;
Array.prototype.push = boom;
Array.prototype.splice = boom;
Array.prototype.indexOf = boom;
let ee;
d.run(() => { ee = new EventEmitter(); });
const member = new EventEmitter();
d.add(member);
d.remove(member);
const inDomain = [ee.domain === d, member.domain, d.members.length];
ee.emit('error', new Error('from emitter'));
d.intercept(() => {})(new Error('intercepted'));
d.bind((x) => { if (x !== 3) boom(); })(3);
Array.prototype[Symbol.iterator] = saved.iterator;
Array.prototype.push = saved.push;
Array.prototype.splice = saved.splice;
Array.prototype.indexOf = saved.indexOf;
console.log('membership:', inDomain.join(' '));
