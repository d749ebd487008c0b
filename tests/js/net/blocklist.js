// net.BlockList: addresses, ranges and subnets for both families, IPv4-mapped IPv6
// matching both ways, rules newest first, inspect output and Node's errors.
const net = require('net');
const util = require('util');
const assert = require('assert');

const bl = new net.BlockList();
console.log(util.inspect(bl));
console.log(util.inspect(bl, { depth: -1 }), util.inspect({ list: bl }, { depth: 0 }));
bl.addAddress('1.2.3.4');
bl.addRange('10.0.0.1', '10.0.0.10');
bl.addSubnet('8592:757c:efae:4e45::', 64, 'ipv6');
bl.addSubnet('192.168.0.0', 16);
bl.addAddress('0:0::FFFF:9.9.9.9', 'IPv6');
bl.addRange('2001:db8::10', '2001:db8::20', 'ipv6');
console.log(bl.rules);
console.log(util.inspect(bl));
console.log(util.inspect(bl, { depth: -1 }), util.inspect({ list: bl }, { depth: 0 }));

const checks = [
  ['1.2.3.4'], ['1.2.3.5'], ['::ffff:1.2.3.4', 'ipv6'], ['::ffff:102:304', 'ipv6'],
  ['::1.2.3.4', 'ipv6'], ['10.0.0.1'], ['10.0.0.5'], ['10.0.0.10'], ['10.0.0.11'],
  ['8592:757c:efae:4e45::f', 'ipv6'], ['8592:757c:efae:4e46::', 'ipv6'],
  ['192.168.255.255'], ['192.169.0.0'], ['9.9.9.9'], ['2001:db8::15', 'ipv6'],
  ['2001:db8::21', 'ipv6'], ['not an address'], ['1.2.3.4', 'ipv6'], ['1.2.3.4', 'IPV4'],
];
for (const [address, family] of checks) console.log(address, family, bl.check(address, family));
console.log(bl.check(new net.SocketAddress({ address: '10.0.0.2' })));

// An IPv6 subnet over the whole mapped range covers every IPv4 address.
const mapped = new net.BlockList();
mapped.addSubnet('::ffff:0:0', 96, 'ipv6');
console.log(mapped.check('203.0.113.7'), mapped.check('::1', 'ipv6'));
// Subnet prefixes that do not fall on a word boundary.
const odd = new net.BlockList();
odd.addSubnet('172.16.0.0', 12);
odd.addSubnet('2001:db8:8000::', 33, 'ipv6');
console.log(odd.check('172.31.255.255'), odd.check('172.32.0.0'), odd.check('172.15.0.1'));
console.log(odd.check('2001:db8:ffff::1', 'ipv6'), odd.check('2001:db8:7fff::1', 'ipv6'));
const all = new net.BlockList();
all.addSubnet('0.0.0.0', 0);
console.log(all.check('255.255.255.255'), all.check('::ffff:1.1.1.1', 'ipv6'), all.check('::2', 'ipv6'));
all.addAddress(new net.SocketAddress({ address: '5.5.5.5' }));
console.log(all.rules);

for (const f of [
  () => bl.addAddress(1),
  () => bl.addAddress('x'),
  () => bl.addAddress('1.2.3.4', 'x'),
  () => bl.addAddress('1.2.3.4', 6),
  () => bl.addRange('10.0.0.10', '10.0.0.1'),
  () => bl.addRange(1, 2),
  () => bl.addRange('1.1.1.1', 2),
  () => bl.addRange('1.1.1.1', '::1'),
  () => bl.addSubnet('1.2.3.4', 33),
  () => bl.addSubnet('::', 129, 'ipv6'),
  () => bl.addSubnet('1.2.3.4', 'a'),
  () => bl.addSubnet('1.2.3.4', -1),
  () => bl.addSubnet(5, 8),
  () => bl.check(1),
  () => bl.check('1.2.3.4', 4),
]) {
  try {
    console.log('ok', f());
  } catch (e) {
    console.log(e.code, e.name, e.message);
  }
}

if (typeof net.BlockList.isBlockList === 'function') {
  assert.strictEqual(net.BlockList.isBlockList(bl), true);
  assert.strictEqual(net.BlockList.isBlockList({ rules: [] }), false);
}

// Built-ins patched to throw must not reach adding or checking.
const saved = [Array.prototype.push, Array.prototype.unshift, String.prototype.split,
  Function.prototype.call];
const boom = () => { throw new Error('patched built-in reached'); };
Array.prototype.push = boom;
Array.prototype.unshift = boom;
String.prototype.split = boom;
Function.prototype.call = boom;
let result;
try {
  const patched = new net.BlockList();
  patched.addSubnet('100.64.0.0', 10);
  patched.addAddress('::1', 'ipv6');
  result = [patched.check('100.100.1.1'), patched.check('::1', 'ipv6'), patched.rules.length];
} finally {
  [Array.prototype.push, Array.prototype.unshift, String.prototype.split,
    Function.prototype.call] = saved;
}
console.log(result);
