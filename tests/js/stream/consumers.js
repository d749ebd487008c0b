// require('stream/consumers'): text (a character split across chunks read whole), json, buffer,
// arrayBuffer and blob over a Readable, a web ReadableStream and an async generator.
const { text, json, buffer, arrayBuffer, blob } = require('stream/consumers');
const { Readable } = require('stream');
(async () => {
  console.log(await text(Readable.from([Buffer.from([0xe2, 0x82]), Buffer.from([0xac]), 'x'])));
  console.log(await json(Readable.from(['{"a":', '[1,2]}'])));
  const b = await buffer(Readable.from(['ab', Buffer.from('cd')])); console.log(Buffer.isBuffer(b), b.toString());
  const ab = await arrayBuffer(Readable.from([Buffer.from('hello')])); console.log(ab instanceof ArrayBuffer, ab.byteLength);
  const bl = await blob(Readable.from(['xy', Buffer.from('z')])); console.log(bl instanceof Blob, bl.size, await bl.text());
  console.log(await text(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('web')); c.close(); } })));
  console.log(await text((async function* () { yield 'g'; yield 'en'; })()));
  try { await json(Readable.from(['{bad'])); } catch (e) { console.log(e.name); }
  // Objects: the byte forms take them as String(object), text refuses them.
  const objects = () => Readable.from([{}, {}]);
  console.log((await buffer(objects())).toString());
  try { await text(objects()); } catch (e) { console.log('text of objects:', e.code); }
  console.log(Object.keys(require('stream/consumers')).sort().join(','));
})();
