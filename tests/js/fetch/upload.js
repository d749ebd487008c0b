// A streamed upload larger than the socket takes at once (backpressure through
// 'drain', many times, without a listener leak warning), read whole by the
// server; an upload whose source stream errors fails the fetch with that
// error as the cause; an abort during a slow upload rejects with AbortError.
const http = require('http');

const server = http.createServer((req, res) => {
  let size = 0;
  req.on('data', (d) => { size += d.length; });
  req.on('end', () => res.end(`${req.headers['transfer-encoding']} ${size}`));
  req.on('error', () => {});
});

function chunks(count, size, onDone) {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent++ === count) return onDone(controller);
      controller.enqueue(new Uint8Array(size).fill(sent & 0xff));
    },
  });
}

server.listen(0, '127.0.0.1', async () => {
  const url = `http://127.0.0.1:${server.address().port}/`;
  const big = chunks(256, 64 * 1024, (c) => c.close());
  const res = await fetch(url, { method: 'POST', body: big, duplex: 'half' });
  console.log(await res.text());

  const failing = chunks(2, 1024, (c) => c.error(new Error('source broke')));
  await fetch(url, { method: 'PUT', body: failing, duplex: 'half' })
    .then(() => console.log('resolved'), (err) => console.log(err.name, err.message, '| cause:', err.cause.message));

  const controller = new AbortController();
  let n = 0;
  const slow = new ReadableStream({
    async pull(c) {
      // node goes on pulling after the abort: stop the source then.
      if (controller.signal.aborted) return c.close();
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (++n === 5) controller.abort();
      c.enqueue(new Uint8Array(10));
    },
  });
  await fetch(url, { method: 'POST', body: slow, duplex: 'half', signal: controller.signal })
    .then(() => console.log('resolved'), (err) => console.log(err.name, err.message));
  server.close();
});
