// A socket's `signal` option: aborting it (before, at or after connect()) destroys
// the socket with an AbortError; the socket listens on the signal only while
// it is not yet aborted, and lets go of it once closed.
const net = require('net');
const { getEventListeners } = require('events');

const conns = new Set();
const server = net.createServer((c) => {
  conns.add(c);
  c.on('error', () => {}).resume();
});
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  function watch(s) {
    return new Promise((resolve) => {
      let error = null;
      s.on('error', (e) => { error = e; });
      s.on('close', () => resolve(error));
    });
  }
  const makers = {
    connect: (signal) => net.connect({ port, host: '127.0.0.1', signal }),
    constructor: (signal) => new net.Socket({ signal }),
  };
  for (const [mname, make] of Object.entries(makers)) {
    for (const when of ['after', 'before', 'later']) {
      const ac = new AbortController();
      if (when === 'before') ac.abort();
      if (when === 'later') setImmediate(() => ac.abort());
      const s = make(ac.signal);
      const closed = watch(s);
      const listeners = getEventListeners(ac.signal, 'abort').length;
      if (when === 'after') ac.abort();
      const err = await closed;
      console.log(mname, when, listeners, err && err.name, err && err.code,
        getEventListeners(ac.signal, 'abort').length);
    }
  }
  try {
    net.connect({ port, signal: 'nope' });
  } catch (err) {
    console.log(err.code);
  }
  for (const c of conns) c.destroy();
  server.close();
});
