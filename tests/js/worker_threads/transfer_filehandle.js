// A FileHandle (fs.promises) through a port: only as part of the transfer list,
// never while in use or once closed; the fd moves to the receiver (in-thread
// channel, a worker, structuredClone) and the sender's handle acts closed.
const fsp = require('fs').promises;
const { MessageChannel, Worker } = require('worker_threads');
const { once } = require('events');

function show(label, fn) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

(async () => {
  const text = await fsp.readFile(__filename, 'utf8');
  const { port1, port2 } = new MessageChannel();

  const fh = await fsp.open(__filename);
  show('not listed:', () => port1.postMessage(fh));
  show('nested, not listed:', () => port1.postMessage({ inner: [fh] }));
  show('duplicate:', () => port1.postMessage(fh, [fh, fh]));
  console.log('still open:', fh.fd !== -1);

  port1.postMessage({ file: fh, again: fh }, [fh]);
  console.log('sender fd after transfer:', fh.fd);
  const [got] = await once(port2, 'message');
  console.log('same object twice:', got.file === got.again);
  console.log('prototype kept:', Object.getPrototypeOf(got.file) === Object.getPrototypeOf(fh));
  console.log('receiver reads the file:', (await got.file.readFile('utf8')) === text);
  await got.file.close();

  await fh.readFile().catch((e) => console.log('old handle read:', e.code, e.syscall, e.message));
  await fh.stat().catch((e) => console.log('old handle stat:', e.code, e.syscall));
  console.log('old handle close:', await fh.close());

  // Listed but not in the value: it moves all the same (and is lost).
  const unused = await fsp.open(__filename);
  port1.postMessage('no handle here', [unused]);
  console.log('listed only, fd:', unused.fd);
  console.log('next message:', (await once(port2, 'message'))[0]);

  const busy = await fsp.open(__filename);
  const reading = busy.readFile();
  show('while reading:', () => port1.postMessage(busy, [busy]));
  await reading;
  const closing = busy.close();
  show('while closing:', () => port1.postMessage(busy, [busy]));
  await closing;

  // structuredClone moves it too, when listed.
  const sc = await fsp.open(__filename);
  show('structuredClone, not listed:', () => structuredClone(sc));
  const moved = structuredClone({ sc }, { transfer: [sc] }).sc;
  console.log('structuredClone moved:', moved.constructor.name, moved.fd > 2, sc.fd);
  await moved.close();

  // To a worker: it reads the file through the handle it received.
  const w = new Worker(`
    const { parentPort } = require('worker_threads');
    parentPort.once('message', async (h) => {
      const data = await h.readFile('utf8');
      await h.close();
      parentPort.postMessage(data.length);
    });
  `, { eval: true });
  const forWorker = await fsp.open(__filename);
  w.postMessage(forWorker, [forWorker]);
  const [length] = await once(w, 'message');
  console.log('worker read its length:', length === Buffer.byteLength(text), 'sender fd:', forWorker.fd);
  await once(w, 'exit');
  port1.close();
})();
