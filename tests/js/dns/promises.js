// dns.promises and require('dns/promises'): lookup resolves { address, family }
// (a list with `all`), lookupService { hostname, service }; errors reject with
// the callback API's errors. Only localhost and numeric hosts are looked up.
const dns = require('dns');
const dnsPromises = require('dns/promises');

async function main() {
  console.log('same module:', dns.promises === dnsPromises);
  console.log('lookup localhost:', await dnsPromises.lookup('localhost'));
  console.log('lookup all:', await dnsPromises.lookup('localhost', { all: true }));
  console.log('lookup numeric v6:', await dnsPromises.lookup('::1'));
  console.log('lookup family 4:', await dnsPromises.lookup('127.0.0.1', 4));
  console.log('lookupService:', await dnsPromises.lookupService('127.0.0.1', 22));
  try {
    await dnsPromises.lookupService('127.0.0.1', 'x');
  } catch (e) {
    console.log('lookupService bad port:', e.code);
  }
  try {
    await dnsPromises.lookup('localhost', { family: 9 });
  } catch (e) {
    console.log('lookup family 9:', e.code);
  }
  const r = new dnsPromises.Resolver({ timeout: 100, tries: 1 });
  r.setServers(['127.0.0.1:5300']);
  console.log('resolver servers:', r.getServers());
  console.log('resolve4 returns a promise:', r.resolve4('a.test').catch(() => {}) instanceof Promise);
  r.cancel();
  dnsPromises.setDefaultResultOrder('ipv4first');
  console.log('order shared with dns:', dns.getDefaultResultOrder());
  dns.setDefaultResultOrder('verbatim');
}
main();
