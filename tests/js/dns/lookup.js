// dns.lookup of localhost (from /etc/hosts) and of numeric hosts, with family,
// all and order options; callbacks always come asynchronously. No lookup here
// leaves the machine: localhost is in /etc/hosts, numeric hosts need no lookup.
const dns = require('dns');
const assert = require('assert');

const steps = [
  (next) => dns.lookup('localhost', (err, address, family) => {
    console.log('localhost:', err, address, family);
    next();
  }),
  (next) => dns.lookup('localhost', { all: true }, (err, list) => {
    console.log('localhost all:', err, JSON.stringify(list));
    next();
  }),
  (next) => dns.lookup('localhost', 4, (err, address, family) => {
    console.log('localhost family 4:', err, address, family);
    next();
  }),
  (next) => dns.lookup('localhost', { family: 'IPv4' }, (err, address, family) => {
    console.log('localhost IPv4:', err, address, family);
    next();
  }),
  (next) => dns.lookup('127.0.0.1', (err, address, family) => {
    console.log('numeric v4:', err, address, family);
    next();
  }),
  (next) => dns.lookup('::1', { all: true }, (err, list) => {
    console.log('numeric v6 all:', err, JSON.stringify(list));
    next();
  }),
  // A numeric host is returned as it is, whatever family was asked for.
  (next) => dns.lookup('::1', { family: 4 }, (err, address, family) => {
    console.log('numeric v6 asked as 4:', err, address, family);
    next();
  }),
  (next) => dns.lookup('10.1.2.3', { all: true, order: 'ipv6first' }, (err, list) => {
    console.log('numeric, ipv6first:', err, JSON.stringify(list));
    next();
  }),
  (next) => {
    let sync = true;
    dns.lookup('127.0.0.1', () => {
      console.log('numeric callback after lookup returned:', !sync);
      next();
    });
    sync = false;
  },
  (next) => {
    let sync = true;
    dns.lookup('localhost', () => {
      console.log('name callback after lookup returned:', !sync);
      next();
    });
    sync = false;
  },
  (next) => {
    console.log('default order:', dns.getDefaultResultOrder());
    dns.setDefaultResultOrder('ipv4first');
    console.log('after set:', dns.getDefaultResultOrder());
    dns.setDefaultResultOrder('verbatim');
    dns.lookup('localhost', { verbatim: false }, (err, address) => {
      console.log('verbatim false:', err, address);
      next();
    });
  },
  (next) => dns.lookupService('127.0.0.1', 22, (err, hostname, service) => {
    console.log('lookupService 127.0.0.1:22:', err, hostname, service);
    next();
  }),
  (next) => dns.lookupService('127.0.0.1', '80', (err, hostname, service) => {
    console.log('lookupService 127.0.0.1:"80":', err, hostname, service);
    next();
  }),
  (next) => {
    const util = require('util');
    util.promisify(dns.lookup)('localhost').then((r) => {
      console.log('promisified lookup:', JSON.stringify(r));
      return util.promisify(dns.lookupService)('127.0.0.1', 22);
    }).then((r) => {
      console.log('promisified lookupService:', JSON.stringify(r));
      next();
    });
  },
];

let i = 0;
function next() {
  if (i < steps.length) steps[i++](next);
  else assert.strictEqual(i, steps.length);
}
next();
