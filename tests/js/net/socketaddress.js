// net.SocketAddress: defaults per family, normalized address text, Node's errors
// for each bad option, inspect/JSON output, and no user patch of a built-in reaching it.
const net = require('net');
const util = require('util');
const assert = require('assert');

function attempt(options) {
  try {
    const sa = new net.SocketAddress(options);
    console.log('ok', util.inspect(sa));
  } catch (e) {
    console.log(e.code, e.name, e.message);
  }
}

const def = new net.SocketAddress();
console.log(def.address, def.port, def.family, def.flowlabel);
console.log(util.inspect(new net.SocketAddress({ family: 'ipv6' })));
console.log(JSON.stringify(new net.SocketAddress({ address: '::1', family: 'IPv6', port: 8080, flowlabel: 7 })));
assert.deepStrictEqual(Object.keys(def), []);
console.log(util.inspect(def, { depth: -1 }), util.inspect([def], { depth: 0 }));
attempt({ address: '0:0::FFFF:1.2.3.4', family: 'ipv6' });
attempt({ address: '1:0:0:2:0:0:0:3', family: 'ipv6' });
attempt({ address: 'FE80:0:0:0:0:0:0:1', family: 'ipv6', port: 443 });
attempt({ address: '::1.2.3.4', family: 'ipv6' });
attempt(1);
attempt(null);
attempt({ address: 1 });
attempt({ family: 'ipx' });
attempt({ family: 4 });
attempt({ port: 'a' });
attempt({ port: 70000 });
attempt({ port: -1 });
attempt({ flowlabel: -1 });
attempt({ flowlabel: 'a' });
attempt({ flowlabel: 2 ** 32 });
attempt({ address: 'zz' });
attempt({ address: '01.2.3.4' });
attempt({ address: '1.2.3' });
attempt({ address: '256.1.1.1' });
attempt({ address: '::1' });
attempt({ address: '1.2.3.4', family: 'ipv6' });
attempt({ address: '1::2::3', family: 'ipv6' });
attempt({ address: '1:2:3:4:5:6:7:8:9', family: 'ipv6' });
attempt({ address: 'fe80::1%lo', family: 'ipv6' });

// Node 20 lacks the static check (added later); coil has it, and it must not lie.
if (typeof net.SocketAddress.isSocketAddress === 'function') {
  assert.strictEqual(net.SocketAddress.isSocketAddress(def), true);
  assert.strictEqual(net.SocketAddress.isSocketAddress({ address: '1.2.3.4' }), false);
  assert.strictEqual(net.SocketAddress.isSocketAddress(null), false);
}

// Built-ins patched to throw must not reach the constructor or getters.
const saved = [Array.prototype.push, String.prototype.split, String.prototype.slice,
  Function.prototype.call];
const boom = () => { throw new Error('patched built-in reached'); };
Array.prototype.push = boom;
String.prototype.split = boom;
String.prototype.slice = boom;
Function.prototype.call = boom;
Object.defineProperty(Object.prototype, 'get', { get: boom, configurable: true });
let made;
try {
  made = new net.SocketAddress({ address: '2001:DB8::1', family: 'ipv6', port: 1 });
} finally {
  [Array.prototype.push, String.prototype.split, String.prototype.slice,
    Function.prototype.call] = saved;
  delete Object.prototype.get;
}
console.log(made.address, made.family, made.port);
