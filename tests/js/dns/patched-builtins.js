// dns's own code does not go through built-ins a user replaced: lookups (by
// name and numeric), lookupService, setServers/getServers, the promise API and a
// resolver query (to 127.0.0.1, cancelled at once) all work with
// Array.prototype.push, String.prototype.split, Function.prototype.call/apply and
// Object.prototype get/set accessors patched to throw.
const dns = require('dns');

const boom = () => { throw new Error('patched built-in reached'); };
const saved = {
  push: Array.prototype.push, split: String.prototype.split, call: Function.prototype.call,
  apply: Function.prototype.apply,
};
const log = console.log.bind(console);
const results = [];
function patch() {
  Array.prototype.push = boom;
  String.prototype.split = boom;
  Function.prototype.call = boom;
  Function.prototype.apply = boom;
  Object.defineProperty(Object.prototype, 'get', { get: boom, configurable: true });
  Object.defineProperty(Object.prototype, 'set', { get: boom, configurable: true });
}
function unpatch() {
  Array.prototype.push = saved.push;
  String.prototype.split = saved.split;
  Function.prototype.call = saved.call;
  Function.prototype.apply = saved.apply;
  delete Object.prototype.get;
  delete Object.prototype.set;
}

patch();
let left = 6;
const done = (line) => {
  results[results.length] = line;
  if (--left > 0) return;
  unpatch();
  results.sort();
  for (const r of results) log(r);
};
dns.lookup('localhost', { all: true }, (err, list) => done(`lookup all: ${err} ${list[0].address}`));
dns.lookup('::1', (err, address, family) => done(`lookup numeric: ${err} ${address} ${family}`));
dns.lookupService('127.0.0.1', 22, (err, host, service) => done(`lookupService: ${err} ${host} ${service}`));
dns.promises.lookup('localhost').then((r) => done(`promises.lookup: ${r.address}`));
const r = new dns.Resolver({ timeout: 200, tries: 1 });
r.setServers(['127.0.0.1:1', '[::1]:53']);
done(`servers: ${r.getServers().length}`);
r.setServers(['127.0.0.1:1']);
r.resolveMx('mx.test', (err) => done(`resolveMx: ${err.code} ${err.syscall}`));
r.cancel();
