// Duplex.from (streams, iterables, promises, async generator functions, async
// functions, { readable, writable } pairs), stream.compose and readable.compose.
const { Duplex, Readable, Writable, PassThrough, compose, finished } = require('stream');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const collector = (into) => new Writable({
  write(chunk, encoding, cb) {
    into.push(String(chunk));
    cb();
  },
});

(async () => {
  const pt = new PassThrough();
  console.log('duplex kept', Duplex.from(pt) === pt, Duplex.from.length);

  const fromReadable = Duplex.from(Readable.from(['a', 'b']));
  console.log('readable', fromReadable instanceof Duplex, fromReadable.constructor.name, fromReadable.readable,
    fromReadable.writable, fromReadable.readableObjectMode, await fromReadable.toArray());

  const written = [];
  const fromWritable = Duplex.from(collector(written));
  console.log('writable', fromWritable.readable, fromWritable.writable);
  fromWritable.end('xyz');
  await new Promise((resolve) => fromWritable.on('finish', resolve));
  console.log(written);

  const fromArray = Duplex.from([1, 2, 3]);
  console.log('iterable', fromArray.readable, fromArray.writable, await fromArray.toArray());
  console.log('async iterable', await Duplex.from((async function* () { yield 'q'; })()).toArray());
  console.log('string', await Duplex.from('str').toArray());
  console.log('buffer', (await Duplex.from(Buffer.from('buf')).toArray()).map(String));

  const fromPromise = Duplex.from(Promise.resolve('pv'));
  console.log('promise', fromPromise.readable, fromPromise.writable, await fromPromise.toArray());
  console.log('null promise', await Duplex.from(Promise.resolve(null)).toArray());

  const upper = Duplex.from(async function* (source) {
    for await (const chunk of source) yield String(chunk).toUpperCase();
  });
  console.log('generator fn', upper.readable, upper.writable, upper.readableObjectMode, upper.writableObjectMode);
  upper.write('ab');
  upper.end('cd');
  console.log(await upper.toArray());

  const got = [];
  const sink = Duplex.from(async (source) => {
    for await (const chunk of source) got.push(String(chunk));
  });
  console.log('async fn', sink.readable, sink.writable);
  sink.write('y');
  sink.end('z');
  await new Promise((resolve) => sink.on('finish', resolve));
  console.log(got);

  const bad = Duplex.from(async (source) => {
    for await (const chunk of source) got.push(chunk);
    return 'not nully';
  });
  bad.on('error', (e) => console.log('sink result', e.code));
  bad.end('w');
  await sleep(5);

  for (const body of [() => 5, 5, null, undefined]) {
    try {
      Duplex.from(body);
    } catch (e) {
      console.log(e.code, e.message);
    }
  }

  const pairWritten = [];
  const pair = Duplex.from({ readable: Readable.from(['r1', 'r2']), writable: collector(pairWritten) });
  console.log('pair', pair.readable, pair.writable);
  pair.end('w1');
  console.log(await pair.toArray(), pairWritten);
  const readOnly = Duplex.from({ readable: Readable.from(['only']) });
  console.log('pair readable', readOnly.readable, readOnly.writable, await readOnly.toArray());
  const writeOnly = Duplex.from({ writable: collector([]) });
  console.log('pair writable', writeOnly.readable, writeOnly.writable);

  const early = Duplex.from(Readable.from([1, 2]));
  early.on('error', (e) => console.log('destroyed early', e.name));
  early.destroy();
  await sleep(1);

  // compose
  const c1 = compose(async function* (src) {
    for await (const x of src) yield `${x}1`;
  }, async function* (src) {
    for await (const x of src) yield `${x}2`;
  });
  c1.end('a');
  console.log('compose', c1 instanceof Duplex, await c1.toArray());
  const c2 = compose(Readable.from(['x', 'y']), new PassThrough());
  console.log('compose readable', c2.readable, c2.writable, (await c2.toArray()).map(String));
  const out = [];
  const c3 = compose(new PassThrough(), collector(out));
  console.log('compose writable', c3.readable, c3.writable);
  c3.end('hi');
  await new Promise((resolve) => c3.on('finish', resolve));
  console.log(out);
  let total = '';
  const c4 = compose('hello', async function* (src) {
    for await (const x of src) yield String(x).toUpperCase();
  }, async (src) => {
    for await (const x of src) total += x;
  });
  console.log('compose closed', c4.readable, c4.writable);
  await new Promise((resolve) => finished(c4, (err) => {
    console.log('finished', err, total);
    resolve();
  }));
  const one = new PassThrough();
  console.log('compose one', compose(one) === one, compose.length);
  for (const args of [[], [new Writable(), new PassThrough()], [new PassThrough(), Readable.from([1])]]) {
    try {
      compose(...args);
    } catch (e) {
      console.log(e.code);
    }
  }
  const failing = compose(new PassThrough(), async function* (src) {
    for await (const x of src) throw new Error(`failed on ${x}`);
  });
  failing.on('error', (e) => console.log('compose error', e.message));
  failing.end('x');
  failing.resume();
  await sleep(5);
  console.log('method', await Readable.from([1, 2]).compose(async function* (src) {
    for await (const x of src) yield x * 3;
  }).toArray());
})();
