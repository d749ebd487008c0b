// v8.serialize / deserialize and an 'advanced' IPC channel keep working while a
// program has patched built-ins lib/ would otherwise reach (primordials). The
// results are printed after the patches are undone (console.log is not under test).
const v8 = require('v8');
const cp = require('child_process');

if (process.argv[2] === 'child') {
  process.on('message', (m) => process.send(m));
} else {
  const value = { m: new Map([[1, Buffer.from('a')]]), u: new Uint16Array([3]) };
  const msg = { d: new Date(0), b: Buffer.from('zz'), m: new Map([[2, 3]]) };
  const names = [
    [Array.prototype, 'push'], [Map.prototype, 'get'], [Map.prototype, 'set'],
    [String.prototype, 'slice'], [String.prototype, 'indexOf'],
  ];
  const saved = names.map(([o, k]) => o[k]);
  const boom = () => { throw new Error('patched built-in reached'); };
  const patch = () => {
    names.forEach(([o, k]) => { o[k] = boom; });
    Object.defineProperty(Object.prototype, 'get', { get: boom, configurable: true });
    Object.defineProperty(Object.prototype, 'set', { get: boom, configurable: true });
  };
  const unpatch = () => {
    delete Object.prototype.get;
    delete Object.prototype.set;
    for (let i = 0; i < names.length; i++) names[i][0][names[i][1]] = saved[i];
  };

  patch();
  const back = v8.deserialize(v8.serialize(value));
  const c = cp.fork(__filename, ['child'], { serialization: 'advanced' });
  c.on('message', (m) => {
    c.disconnect();
    unpatch();
    console.log('round trip:', back);
    console.log('over IPC:', m);
  });
  c.send(msg);
}
