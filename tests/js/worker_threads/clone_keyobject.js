// KeyObjects (secret, public, private) and CryptoKeys are copied by a port, a
// worker's postMessage and structuredClone: a real KeyObject of the same type and
// key material arrives, identity kept within one message; a port moved to another
// vm context cannot rebuild one (node's ERR_MESSAGE_TARGET_CONTEXT_UNAVAILABLE).
const crypto = require('crypto');
const vm = require('vm');
const { MessageChannel, Worker, moveMessagePortToContext } = require('worker_threads');
const { once } = require('events');

function describe(k) {
  if (k instanceof CryptoKey) {
    return `CryptoKey ${k.type} ${k.algorithm.name} ${k.extractable} ${k.usages} ${describe(crypto.KeyObject.from(k))}`;
  }
  const material = k.type === 'secret' ? k.export().toString('hex') :
    crypto.createHash('sha256').update(k.export({ format: 'der', type: k.type === 'private' ? 'pkcs8' : 'spki' }))
      .digest('hex').slice(0, 16);
  return `${k instanceof crypto.KeyObject} ${k.constructor.name} ${k.type} ${k.asymmetricKeyType} ${material}`;
}

(async () => {
  const secret = crypto.createSecretKey(Buffer.from('00112233445566778899aabbccddeeff', 'hex'));
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const cryptoKey = await crypto.subtle.importKey('raw', Buffer.alloc(32, 7), { name: 'HMAC', hash: 'SHA-256' },
                                                  true, ['sign', 'verify']);
  const keys = [secret, publicKey, privateKey, cryptoKey];
  const expected = keys.map(describe);

  // In-thread channel, no transfer list needed; one listed is accepted too.
  const { port1, port2 } = new MessageChannel();
  port1.postMessage({ keys, twice: [secret, secret] });
  port1.postMessage(secret, [secret]);
  const [m] = await once(port2, 'message');
  console.log('channel:', m.keys.map(describe).join(' | ') === expected.join(' | '));
  console.log('one copy per message:', m.twice[0] === m.twice[1], m.keys[0] === m.twice[0], m.keys[0] !== secret);
  console.log('equals:', m.keys[1].equals(publicKey), m.keys[2].equals(privateKey));
  const [listed] = await once(port2, 'message');
  console.log('listed one:', describe(listed) === expected[0], 'sender still usable:', secret.export().length);
  port1.close();

  // structuredClone copies them.
  const copies = structuredClone(keys);
  console.log('structuredClone:', copies.map(describe).join(' | ') === expected.join(' | '), copies[0] !== secret);
  const signature = await crypto.subtle.sign('HMAC', copies[3], Buffer.from('data'));
  console.log('cloned CryptoKey verifies:', await crypto.subtle.verify('HMAC', cryptoKey, signature, Buffer.from('data')));

  // A worker describes what it got.
  const w = new Worker(`
    const crypto = require('crypto');
    const { parentPort } = require('worker_threads');
    ${describe.toString()}
    parentPort.once('message', (list) => parentPort.postMessage(list.map(describe)));
  `, { eval: true });
  w.postMessage(keys);
  const [fromWorker] = await once(w, 'message');
  console.log('worker:', fromWorker.join(' | ') === expected.join(' | '));
  await once(w, 'exit');

  // A port moved to another context cannot make them.
  const c = new MessageChannel();
  const moved = moveMessagePortToContext(c.port2, vm.createContext());
  moved.onmessageerror = (e) => console.log('moved port:', e.data.code);
  moved.onmessage = (e) => {
    console.log('moved port then:', e.data);
    c.port1.close();
  };
  moved.start();
  c.port1.postMessage({ key: secret });
  c.port1.postMessage('plain');
})();
