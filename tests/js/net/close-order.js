// The order of 'end', 'finish' and 'close' on both ends of a connection in one
// process, as node gives it: a socket's 'close' comes in the loop turn it is
// destroyed (not a turn later), a shutdown started by end() is finished before
// that turn's immediates, and the peer reads the FIN in the next turn.
const net = require('net');

function run(mode) {
  return new Promise((resolve) => {
    const log = [];
    let closes = 0;
    const done = () => {
      if (++closes < 2) return;
      server.close();
      console.log(`${mode}: ${log.join(', ')}`);
      resolve();
    };
    const watch = (who, s) => {
      for (const ev of ['end', 'finish', 'error']) s.on(ev, (e) => log.push(`${who} ${ev}${e ? ' ' + e.code : ''}`));
      s.on('close', (hadError) => {
        log.push(`${who} close${hadError ? ' (error)' : ''}`);
        done();
      });
      s.resume();
    };
    const server = net.createServer((s) => {
      watch('server', s);
      if (mode === 'server destroy') s.destroy();
      if (mode === 'server end') s.end();
    });
    server.listen(0, '127.0.0.1', () => {
      const c = net.connect(server.address().port, '127.0.0.1', () => {
        if (mode === 'client end') {
          c.end();
          setImmediate(() => log.push('immediate after end()'));
        }
        if (mode === 'client destroy') c.destroy();
      });
      watch('client', c);
    });
  });
}

(async () => {
  for (const mode of ['client end', 'server end', 'client destroy', 'server destroy']) await run(mode);
})();
