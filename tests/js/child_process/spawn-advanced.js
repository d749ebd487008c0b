// spawn with stdio 'ipc' and serialization 'advanced': frames split across reads
// (a 3 MiB typed array) and many small frames in one read both arrive whole and
// in order; the option is checked as node checks it.
const cp = require('child_process');

if (process.argv[2] === 'child') {
  process.on('message', (m) => {
    if (m.cmd === 'big') {
      process.send(new Uint8Array(3 * 1024 * 1024).fill(m.fill));
    } else if (m.cmd === 'many') {
      for (let i = 0; i < m.count; i++) process.send({ i, at: new Date(i) });
      process.send('last');
    }
  });
} else {
  for (const value of [null, 42, 'foo']) {
    try {
      cp.spawn(process.execPath, [], { serialization: value });
    } catch (e) {
      console.log(e.code, e.message);
    }
  }
  const child = cp.spawn(process.execPath, [__filename, 'child'], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  let count = 0;
  let ordered = true;
  child.on('message', (m) => {
    if (m instanceof Uint8Array) {
      const same = m.every((b) => b === 7);
      console.log('big:', m.constructor.name, m.length, 'all 7:', same);
      child.send({ cmd: 'many', count: 500 });
    } else if (m === 'last') {
      console.log('small messages:', count, 'in order:', ordered);
      child.disconnect();
    } else {
      if (m.i !== count || m.at.getTime() !== count) ordered = false;
      count++;
    }
  });
  child.on('disconnect', () => console.log('disconnected'));
  child.on('exit', (code) => process.on('exit', () => console.log('exit', code)));
  child.send({ cmd: 'big', fill: 7 });
}
