// trace_events without a trace being recorded: createTracing's checks, the Tracing
// object's state and inspect output, getEnabledCategories as the union of the
// enabled objects' categories, and the warning past 10 enabled objects.
const util = require('util');
const te = require('trace_events');
console.log(Object.keys(te), te.getEnabledCategories(), require('node:trace_events') === te);

const show = (fn) => { try { console.log('ok', fn()); } catch (e) { console.log(e.name, e.code, e.message); } };
for (const options of [1, 'a', null, undefined, [], () => {}]) show(() => te.createTracing(options));
for (const categories of [1, 'v8', null, undefined, {}, { length: 1, 0: 'v8' }, [1], ['v8', {}], []]) {
  show(() => te.createTracing({ categories }));
}

const list = ['node.perf', 'v8'];
const a = te.createTracing({ categories: list });
list.push('changed');
console.log(a, a.enabled, a.categories, Object.keys(a), a.constructor.name);
console.log(Object.getOwnPropertyNames(Object.getPrototypeOf(a)));
a.enable();
console.log(a.enabled, te.getEnabledCategories(), util.inspect(a));

const b = te.createTracing({ categories: ['v8', 'b.x,a.y', '', 'Z'] });
console.log(b.categories);
b.enable();
b.enable();
console.log(te.getEnabledCategories());
a.disable();
a.disable();
console.log(te.getEnabledCategories(), a);
b.disable();
console.log(te.getEnabledCategories());

const empty = te.createTracing({ categories: [''] });
empty.enable();
console.log(JSON.stringify(empty.categories), te.getEnabledCategories());
empty.disable();

// A property a program sets on the object shows neither in inspect nor in the union.
Object.defineProperty(a, 'categories', { value: 'shadow' });
a.x = 1;
a.enable();
console.log(util.inspect({ deep: { t: a } }, { depth: 1 }), util.inspect([a], { depth: 0 }));
console.log(te.getEnabledCategories());
a.disable();

// Built-ins a program patched do not reach the module.
const saved = [Array.prototype.join, Array.prototype.push, Array.prototype.sort, Set.prototype.add];
const boom = () => { throw new Error('patched built-in reached'); };
Array.prototype.join = Array.prototype.push = Array.prototype.sort = Set.prototype.add = boom;
const p = te.createTracing({ categories: ['p2', 'p1'] });
p.enable();
const seen = [te.getEnabledCategories(), p.categories];
p.disable();
[Array.prototype.join, Array.prototype.push, Array.prototype.sort, Set.prototype.add] = saved;
console.log(seen);

let warnings = 0;
process.on('warning', (w) => {
  warnings++;
  console.log('warning', w.name, w.code, w.message);
});
const many = [];
for (let i = 0; i < 12; i++) {
  const t = te.createTracing({ categories: [`c${i}`] });
  t.enable();
  many.push(t);
}
many[0].enable();
setImmediate(() => {
  console.log('warnings', warnings, te.getEnabledCategories().split(',').length);
  for (const t of many) t.disable();
  console.log(te.getEnabledCategories());
});
