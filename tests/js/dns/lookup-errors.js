// Bad arguments to dns.lookup / lookupService / setServers / Resolver throw
// Node's errors (class, code, message); none of these calls looks anything up.
const dns = require('dns');

function show(label, fn) {
  try {
    fn();
    console.log(label, 'no throw');
  } catch (e) {
    console.log(label, e.name, e.code, '|', e.message);
  }
}
const cb = () => {};
show('hostname number:', () => dns.lookup(1, cb));
show('hostname object:', () => dns.lookup({}, cb));
show('family 5:', () => dns.lookup('localhost', { family: 5 }, cb));
show('family arg 7:', () => dns.lookup('localhost', 7, cb));
show('family IPv5:', () => dns.lookup('localhost', { family: 'IPv5' }, cb));
show('hints 99999:', () => dns.lookup('localhost', { hints: 99999 }, cb));
show('hints string:', () => dns.lookup('localhost', { hints: '1' }, cb));
show('all 1:', () => dns.lookup('localhost', { all: 1 }, cb));
show('verbatim 1:', () => dns.lookup('localhost', { verbatim: 1 }, cb));
show('order x:', () => dns.lookup('localhost', { order: 'x' }, cb));
show('no callback:', () => dns.lookup('localhost', {}));
show('options string:', () => dns.lookup('localhost', 'x', cb));
show('lookupService 2 args:', () => dns.lookupService('127.0.0.1', 22));
show('lookupService bad address:', () => dns.lookupService('x', 22, cb));
show('lookupService bad port:', () => dns.lookupService('127.0.0.1', 'x', cb));
show('lookupService port 70000:', () => dns.lookupService('127.0.0.1', 70000, cb));
show('setServers string:', () => dns.setServers('x'));
show('setServers [1]:', () => dns.setServers([1]));
show('setServers [x]:', () => dns.setServers(['x']));
show('setServers bad port:', () => dns.setServers(['1.2.3.4:x']));
show('setDefaultResultOrder x:', () => dns.setDefaultResultOrder('x'));
show('resolve4 name 1:', () => dns.resolve4(1, cb));
show('resolve4 no callback:', () => dns.resolve4('x'));
show('resolve rrtype Q:', () => dns.resolve('x', 'Q', cb));
show('resolve rrtype 1:', () => dns.resolve('x', 1, cb));
show('reverse x:', () => dns.reverse('x', cb));
show('Resolver timeout x:', () => new dns.Resolver({ timeout: 'x' }));
show('Resolver tries 0:', () => new dns.Resolver({ tries: 0 }));
show('Resolver timeout -2:', () => new dns.Resolver({ timeout: -2 }));
show('promises.lookup number:', () => dns.promises.lookup(5));

const r = new dns.Resolver();
r.setServers(['127.0.0.1', '[::1]:53', '127.0.0.1:5353', '::1', '[::2]', '[127.0.0.2]:99']);
console.log('servers:', r.getServers());
