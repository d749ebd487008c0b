// Request and Response bodies without a network: each kind of body (string,
// bytes, Blob, URLSearchParams, FormData, ReadableStream) read back by text,
// json, arrayBuffer, bytes, blob and formData, the Content-Type each adds, a
// body read twice or locked (TypeError), clone() of a streamed body, the
// constructors' checks, and Response.json/error/redirect.
const assert = require('assert');

function report(label, err) {
  console.log(label, err.name, err.message);
}

async function main() {
  const bodies = [
    'héllo',
    new Uint8Array([104, 105]),
    new Uint8Array([1, 104, 105, 2]).subarray(1, 3),
    new ArrayBuffer(2),
    new Blob(['blob text'], { type: 'text/x-test' }),
    new URLSearchParams({ a: '1', b: 'two words' }),
  ];
  for (const body of bodies) {
    const res = new Response(body);
    console.log(res.headers.get('content-type'), JSON.stringify(await res.text()), res.bodyUsed);
  }

  const json = new Response('\ufeff{"a":[1,2]}');
  console.log(await json.json());
  const ab = await new Response('abc').arrayBuffer();
  console.log(ab instanceof ArrayBuffer, ab.byteLength, Buffer.from(ab).toString());
  const bytes = await new Response('xyz').bytes?.();
  console.log(bytes === undefined || (bytes instanceof Uint8Array && bytes.length === 3));
  const blob = await new Response('q', { headers: { 'content-type': 'text/q' } }).blob();
  console.log(blob instanceof Blob, blob.type, blob.size);

  // A stream body, read once through the stream.
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('part1 '));
      controller.enqueue(new TextEncoder().encode('part2'));
      controller.close();
    },
  });
  const streamed = new Response(stream);
  const copy = streamed.clone();
  console.log(await streamed.text(), '|', await copy.text(), streamed.bodyUsed, copy.bodyUsed);
  await streamed.text().catch((err) => report('used twice:', err));

  const locked = new Response('x');
  locked.body.getReader();
  await locked.text().catch((err) => report('locked:', err));
  assert.throws(() => locked.clone(), { name: 'TypeError', message: 'Response.clone: Body has already been consumed.' });
  assert.throws(() => new Response(locked.body), { name: 'TypeError' });

  // The body stream of a text body, read chunk by chunk.
  const reader = new Response('chunked').body.getReader();
  const first = await reader.read();
  console.log(Buffer.from(first.value).toString(), (await reader.read()).done);

  // FormData out and back in.
  const fd = new FormData();
  fd.append('name', 'line1\nline2');
  fd.append('file', new Blob(['file bytes'], { type: 'text/plain' }), 'a "q".txt');
  fd.append('blob', new Blob(['b']));
  const req = new Request('http://example.test/', { method: 'POST', body: fd });
  console.log(/^multipart\/form-data; boundary=/.test(req.headers.get('content-type')));
  const back = await req.formData();
  console.log(JSON.stringify(back.get('name')), back.get('file').name, await back.get('file').text(),
              back.get('file').type, back.get('blob').name);
  const form = await new Response('a=1&b=x+y', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  }).formData();
  console.log([...form]);
  await new Response('x').formData().catch((err) => console.log('formData of text:', err.name));

  // Constructor checks.
  for (const bad of [
    () => new Response('x', { status: 99 }),
    () => new Response('x', { status: 204 }),
    () => new Response('x', { statusText: 'a\nb' }),
    () => new Request('/relative'),
    () => new Request('http://a/', { body: 'x' }),
    () => new Request('http://a/', { method: 'CONNECT' }),
    () => new Request('http://a/', { method: 'bad method' }),
    () => new Request('http://u:p@a/'),
    () => new Request('http://a/', { redirect: 'x' }),
    () => new Request('http://a/', { method: 'POST', body: new ReadableStream() }),
    () => new Request('http://a/', { signal: 5 }),
    () => Response.redirect('http://a/', 200),
  ]) {
    try {
      bad();
      console.log('no throw');
    } catch (err) {
      report('throws', err);
    }
  }

  const r = new Request('http://a.test/p?q#f', { method: 'delete', headers: { 'x-a': 'b' } });
  console.log(r.method, r.url, r.redirect, r.mode, r.credentials, r.cache, r.referrer, r.headers.get('x-a'),
              r.signal.aborted, r.duplex, new Request('http://a/', { method: 'patch' }).method);
  const posted = new Request('http://a/', { method: 'POST', body: 'data' });
  const copied = new Request(posted);
  console.log(posted.bodyUsed, await copied.text());

  const j = Response.json({ a: 1 }, { status: 201, headers: { 'x-b': 'c' } });
  console.log(j.status, [...j.headers], await j.json());
  const redirect = Response.redirect('http://x.test/y', 301);
  console.log(redirect.status, redirect.headers.get('location'), redirect.type);
  const error = Response.error();
  console.log(error.status, error.type, error.ok, error.body);
  const plain = new Response(null, { status: 404, statusText: 'Nope' });
  console.log(plain.status, plain.statusText, plain.ok, plain.body, plain.url, plain.type, plain.redirected);
}

main();
