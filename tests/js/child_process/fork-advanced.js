// fork with serialization 'advanced': values JSON cannot carry (Map, Set, Date,
// Buffer, typed arrays, BigInt, errors, a circular object) go both ways intact;
// the child sees the mode only as its channel's behaviour (the variable is gone);
// a handle still passes; what cannot be cloned throws at send().
const cp = require('child_process');
const net = require('net');
const util = require('util');

if (process.argv[2] === 'child') {
  process.on('message', (m, handle) => {
    if (m === 'env') {
      process.send({ mode: process.env.NODE_CHANNEL_SERIALIZATION_MODE });
    } else if (m && m.cmd === 'server') {
      handle.on('connection', (s) => s.end('from the child\n'));
      process.send({ listening: handle.listening, from: m.from });
      process.on('disconnect', () => handle.close());
    } else {
      // Echo with the child's own additions, so both directions are checked.
      const circ = { from: 'child', when: new Date(86400000), bytes: Buffer.from([1, 2, 3]) };
      circ.me = circ;
      process.send({ echo: m, child: circ, set: new Set(['a']) });
    }
  });
} else {
  const child = cp.fork(__filename, ['child'], { serialization: 'advanced' });
  const circular = { name: 'parent', map: new Map([['k', new Date(0)]]) };
  circular.self = circular;
  const messages = [
    new Map([[1, { a: 2 }], ['b', [3]]]),
    { big: 2n ** 70n, date: new Date(1700000000000), re: /x+/m },
    Buffer.from('bytes'),
    new Float64Array([1.5, -2]),
    new RangeError('sent as an error'),
    circular,
    'env',
  ];
  const replies = [];
  child.on('message', (m) => {
    replies.push(m);
    if (replies.length === messages.length) report();
  });
  for (const m of messages) child.send(m);

  function report() {
    for (const r of replies.slice(0, -1)) {
      if (r.echo instanceof Error) continue; // its stack names node's own frames
      console.log(util.inspect(r.echo, { depth: 4 }));
    }
    const c = replies[0].child;
    console.log('child circular:', c.me === c, c.when.toISOString(), Buffer.isBuffer(c.bytes), [...c.bytes]);
    console.log('set:', replies[0].set instanceof Set, [...replies[0].set]);
    const echoed = replies[5].echo;
    console.log('parent circular back:', echoed.self === echoed, echoed.map.get('k') instanceof Date);
    console.log('error back:', replies[4].echo instanceof RangeError, replies[4].echo.message);
    console.log('child env:', replies[6]);
    try {
      child.send({ f() {} });
    } catch (e) {
      console.log('send of a function:', e.constructor.name, e.message);
    }
    passServer();
  }

  function passServer() {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      child.send({ cmd: 'server', from: new Date(5) }, server);
      child.once('message', (m) => {
        console.log('child listening:', m.listening, m.from instanceof Date);
        server.close();
        net.connect(port, '127.0.0.1')
          .on('data', (d) => console.log('got:', String(d).trim()))
          .on('end', () => child.disconnect());
      });
    });
  }
}
