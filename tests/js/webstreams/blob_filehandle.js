// Blob.prototype.stream() (a byte stream over the blob's bytes, readable with a BYOB
// reader, leaving the blob intact) and FileHandle.prototype.readableWebStream()
// (ArrayBuffer chunks, or Uint8Arrays with { type: 'bytes' }; one stream per handle).
'use strict';
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');

async function main() {
  const blob = new Blob(['hello ', 'blob']);
  const stream = blob.stream();
  console.log(stream);
  const parts = [];
  for await (const chunk of stream) parts.push(chunk);
  console.log(parts.every((c) => c instanceof Uint8Array), Buffer.concat(parts).toString());
  const reader = blob.stream().getReader({ mode: 'byob' });
  const first = await reader.read(new Uint8Array(4));
  console.log(Buffer.from(first.value).toString(), await blob.text());
  const big = new Blob([new Uint8Array(200000).fill(7)]);
  let total = 0;
  for await (const chunk of big.stream()) total += chunk.length;
  console.log('big blob bytes', total);
  console.log('empty', await new Blob([]).stream().getReader().read());

  const file = path.join(os.tmpdir(), `coil-webstream-${process.pid}.txt`);
  fs.writeFileSync(file, 'file contents\n');
  const fh = await fsp.open(file);
  const web = fh.readableWebStream();
  try { fh.readableWebStream(); } catch (e) { console.log(e.code, e.message); }
  for await (const chunk of web) console.log(chunk.constructor.name, Buffer.from(chunk).toString());
  await fh.close();
  try { fh.readableWebStream(); } catch (e) { console.log(e.code, e.message); }
  const fh2 = await fsp.open(file);
  const bytes = fh2.readableWebStream({ type: 'bytes' });
  console.log(bytes);
  const r = await bytes.getReader({ mode: 'byob' }).read(new Uint8Array(4));
  console.log(r.value, Buffer.from(r.value).toString());
  await fh2.close();
  fs.unlinkSync(file);
}
main();
