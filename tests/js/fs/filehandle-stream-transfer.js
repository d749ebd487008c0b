// A FileHandle that a stream reads through is in use until the stream closes it:
// transferring it meanwhile fails with a DataCloneError; a handle no stream uses
// transfers, and a stream's close closes its handle.
const fs = require('fs');
const path = require('path');
const os = require('os');
const { MessageChannel } = require('worker_threads');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-fh-stream-'));
const file = path.join(dir, 'f.txt');
fs.writeFileSync(file, 'hello');
(async () => {
  const used = await fs.promises.open(file, 'r');
  const stream = fs.createReadStream(null, { fd: used });
  const { port1, port2 } = new MessageChannel();
  try {
    port1.postMessage(used, [used]);
  } catch (e) {
    console.log('in use:', e.name, e.code, e.message);
  }
  let text = '';
  stream.on('data', (d) => { text += d; });
  stream.on('close', async () => {
    console.log('stream read', text, 'handle fd after close', used.fd);
    const free = await fs.promises.open(file, 'r');
    port2.once('message', async (h) => {
      console.log('transferred, reads', (await h.readFile('utf8')));
      await h.close();
      port1.close();
      fs.rmSync(dir, { recursive: true });
    });
    port1.postMessage(free, [free]);
    console.log('sender fd after transfer', free.fd);
  });
})();
