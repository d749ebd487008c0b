// Errors thrown inside a domain (synchronously, from a timer, an immediate, a
// nextTick, a bound emitter, an intercepted callback) reach its 'error' event with
// the properties node sets; outside any domain they reach 'uncaughtException'.
const domain = require('domain');
const EventEmitter = require('events');

const d = domain.create();
const seen = [];
d.on('error', (err) => {
  seen.push(err.message);
  console.log('error:', err.message, err.domain === d, err.domainThrown,
    err.domainEmitter !== undefined, typeof err.domainBound, process.domain, domain.active);
});
process.on('uncaughtException', (err) => console.log('uncaught:', err.message, err.domain));

console.log('before:', process.domain, domain.active);
d.run(() => {
  console.log('inside:', process.domain === d, domain.active === d);
  // One after another, so the order does not depend on the clock.
  setTimeout(() => {
    setImmediate(() => { throw new Error('immediate'); });
    throw new Error('timer');
  }, 1);
  process.nextTick(() => { throw new Error('tick'); });
  const ee = new EventEmitter();
  console.log('emitter joined:', ee.domain === d);
  setTimeout(() => ee.emit('error', new Error('emitter')), 30);
});
console.log('after run:', process.domain, domain.active);

const other = new EventEmitter();
d.add(other);
console.log('members:', d.members.length, other.domain === d);
d.remove(other);
console.log('removed:', d.members.length, other.domain);

const intercepted = d.intercept((a, b) => console.log('intercepted ok:', a, b, process.domain === d));
intercepted(null, 1, 2);
setTimeout(() => intercepted(new Error('intercepted')), 40);

const bound = d.bind((x) => { console.log('bound in domain:', x, process.domain === d); throw new Error('bound'); });
setTimeout(() => bound(7), 50);
setTimeout(() => { throw new Error('outside'); }, 60);
process.on('exit', () => console.log('seen:', seen.join(',')));
const member = new EventEmitter();
d.add(member);
console.log('domain enumerable:', Object.keys(member).includes('domain'));
d.once('error', (err) => console.log('error keys:', Object.keys(err).sort().join(',')));
member.emit('error', new Error('keys'));
