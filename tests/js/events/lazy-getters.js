// Reading or copying any property of a built-in module never throws, lazy getters
// included: Object.assign({}, require('events')) works (xml2js does this), and
// EventEmitterAsyncResource is a working class.
const events = require('events');
const copy = Object.assign({}, events);
console.log('copied', typeof copy.EventEmitterAsyncResource, typeof copy.once, copy.defaultMaxListeners);

const failures = [];
for (const name of ['assert', 'buffer', 'console', 'events', 'fs', 'os', 'path', 'querystring', 'stream',
  'string_decoder', 'timers', 'url', 'util', 'fs/promises', 'stream/promises', 'timers/promises']) {
  const mod = require(name);
  for (const key of Reflect.ownKeys(mod)) {
    try {
      void mod[key];
    } catch (err) {
      failures.push(`${name}.${String(key)}: ${err.message}`);
    }
  }
  try {
    Object.assign({}, mod);
  } catch (err) {
    failures.push(`Object.assign({}, ${name}): ${err.message}`);
  }
}
console.log('failures', failures);

const { EventEmitterAsyncResource } = events;
const ee = new EventEmitterAsyncResource({ name: 'Thing' });
ee.on('x', function(a, b) {
  console.log('listener', this === ee, a, b);
});
console.log('emit', ee.emit('x', 1, 2), ee.emit('y'));
console.log('ids', typeof ee.asyncId, typeof ee.triggerAsyncId, ee.asyncId !== new EventEmitterAsyncResource('Other').asyncId);
console.log('resource', typeof ee.asyncResource.runInAsyncScope, ee.asyncResource.eventEmitter === ee);
ee.emitDestroy();
try {
  new EventEmitterAsyncResource();
} catch (err) {
  console.log(err.code, err.message);
}
class Sub extends EventEmitterAsyncResource {}
console.log('subclass without a name', new Sub() instanceof events);
