'use strict';
// Micro-benchmarks of the core library's hot paths (issue 25), runnable
// unchanged under coil, node and bun. argv[2] names one case ("list" prints
// them all); each case warms up, runs a fixed number of operations and prints
// "case=<name> ops=<operations per second>". bench/core.py runs them.
const { Buffer } = require('buffer');
const EventEmitter = require('events');
const path = require('path');
const url = require('url');
const util = require('util');
const querystring = require('querystring');
const { StringDecoder } = require('string_decoder');
const { Readable, Transform, Writable } = require('stream');

// BENCH_CLOCK=cpu times the process's CPU time (user + system) instead of the
// wall clock: on a machine shared with other work a descheduled run then does not
// count as a slow one (background compiler and GC threads still count).
const cpuClock = process.env.BENCH_CLOCK === 'cpu';
const now = cpuClock ?
  () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e3; } :
  () => Number(process.hrtime.bigint()) / 1e6;
let sink = 0;
const use = (v) => { sink = (sink + (typeof v === 'number' ? v : v ? 1 : 0)) | 0; };

const URLS = [
  ['https://user:pass@example.com:8080/a/b/c?x=1&y=2#frag', undefined],
  ['/path/to/file.html?q=search', 'https://www.example.org/base/index.html'],
  ['http://[::1]:3000/', undefined],
  ['file:///home/user/doc.txt', undefined],
  ['../up/../x?z#h', 'http://a.b.c/d/e/f'],
];
const LEGACY = 'http://user@example.com:8080/p/a/t/h?query=string&x=1#hash';
const utf8Text = 'hello wörld ☃ — '.repeat(64).slice(0, 700);
const ascii1k = Buffer.from('a'.repeat(1024));
const mixed1k = Buffer.from(utf8Text + 'x'.repeat(1024 - Buffer.byteLength(utf8Text)));
const obj = { a: 1, b: 'two', c: [1, 2, 3], d: { e: null, f: true }, g: 1.5 };
const bigBuf = Buffer.alloc(64 * 1024, 'abcdefghij');
const needle = Buffer.from('xyz');

// Synchronous cases: name -> [operations, function running them all].
const sync = {
  url_new: [200e3, (n) => {
    for (let i = 0; i < n; i++) {
      const [s, b] = URLS[i % 5];
      use(new URL(s, b).href.length);
    }
  }],
  url_href_getters: [200e3, (n) => {
    const u = new URL(URLS[0][0]);
    for (let i = 0; i < n; i++) use(u.pathname.length + u.host.length + u.search.length);
  }],
  urlsearchparams_get: [200e3, (n) => {
    for (let i = 0; i < n; i++) use(new URLSearchParams('a=1&b=2&c=%20x&d=hello+world').get('c'));
  }],
  url_parse_legacy: [100e3, (n) => {
    for (let i = 0; i < n; i++) use(url.parse(LEGACY, true).query.x);
  }],
  url_format_legacy: [200e3, (n) => {
    const o = url.parse(LEGACY);
    for (let i = 0; i < n; i++) use(url.format(o).length);
  }],
  path_resolve: [300e3, (n) => {
    for (let i = 0; i < n; i++) use(path.resolve('/foo/bar', './baz', '../qux/file.js').length);
  }],
  path_join_normalize: [300e3, (n) => {
    for (let i = 0; i < n; i++) use(path.join('/a/b', 'c/../d', './e').length + path.normalize('/x//y/./z/..').length);
  }],
  textdecoder_ascii_1k: [300e3, (n) => {
    const d = new TextDecoder();
    for (let i = 0; i < n; i++) use(d.decode(ascii1k).length);
  }],
  textdecoder_utf8_1k: [300e3, (n) => {
    const d = new TextDecoder();
    for (let i = 0; i < n; i++) use(d.decode(mixed1k).length);
  }],
  textencoder_1k: [200e3, (n) => {
    const e = new TextEncoder();
    for (let i = 0; i < n; i++) use(e.encode(utf8Text).length);
  }],
  buf_tostring_utf8_slice: [1e6, (n) => {
    for (let i = 0; i < n; i++) use(mixed1k.toString('utf8', 10, 90).length);
  }],
  buffer_from_string: [1e6, (n) => {
    for (let i = 0; i < n; i++) use(Buffer.from('hello world, a short string').length);
  }],
  buffer_alloc: [1e6, (n) => {
    for (let i = 0; i < n; i++) use(Buffer.alloc(64).length);
  }],
  // Reference, not a coil path: V8 alone (no lib/ code runs), the engine's cost of
  // what buffer_alloc does beside its size check (V8 10.2 in coil, 11.3 in node 20).
  uint8array_new: [1e6, (n) => {
    for (let i = 0; i < n; i++) use(new Uint8Array(64).length);
  }],
  buffer_compare: [2e6, (n) => {
    const a = Buffer.from('abcdefghijklmnop'), b = Buffer.from('abcdefghijklmnoq');
    for (let i = 0; i < n; i++) use(a.compare(b) + Buffer.compare(b, a));
  }],
  buffer_indexof: [200e3, (n) => {
    for (let i = 0; i < n; i++) use(bigBuf.indexOf(needle, i & 1023));
  }],
  buffer_concat: [300e3, (n) => {
    const parts = [Buffer.alloc(100), Buffer.alloc(200), Buffer.alloc(50)];
    for (let i = 0; i < n; i++) use(Buffer.concat(parts).length);
  }],
  buffer_rw_int: [2e6, (n) => {
    const b = Buffer.alloc(16);
    for (let i = 0; i < n; i++) {
      b.writeUInt32LE(i, 0); b.writeInt16BE(i & 0x7fff, 4); b.writeUInt8(i & 255, 6);
      use(b.readUInt32LE(0) + b.readInt16BE(4) + b.readUInt8(6));
    }
  }],
  buffer_rw_double: [2e6, (n) => {
    const b = Buffer.alloc(16);
    for (let i = 0; i < n; i++) {
      b.writeDoubleLE(i * 1.5, 0); b.writeFloatBE(i, 8);
      use(b.readDoubleLE(0) + b.readFloatBE(8));
    }
  }],
  util_inspect: [100e3, (n) => {
    for (let i = 0; i < n; i++) use(util.inspect(obj).length);
  }],
  util_format: [500e3, (n) => {
    for (let i = 0; i < n; i++) use(util.format('%s: %d items, %j', 'name', i, 'x').length);
  }],
  util_types: [5e6, (n) => {
    const t = util.types, p = Promise.resolve(), d = new Date(), m = new Map();
    for (let i = 0; i < n; i++) use(t.isPromise(p) + t.isDate(d) + t.isMap(m) + t.isUint8Array(ascii1k));
  }],
  // V8 alone (JSON never leaves the engine): a reference, like uint8array_new.
  json_roundtrip: [200e3, (n) => {
    for (let i = 0; i < n; i++) use(JSON.parse(JSON.stringify(obj)).g);
  }],
  querystring_parse: [300e3, (n) => {
    for (let i = 0; i < n; i++) use(querystring.parse('a=1&b=2&c=%20x&d=hello+world').d.length);
  }],
  string_decoder: [1e6, (n) => {
    const d = new StringDecoder('utf8');
    const a = Buffer.from([0x68, 0xe2, 0x98]), b = Buffer.from([0x83, 0x69]);
    for (let i = 0; i < n; i++) use(d.write(a).length + d.write(b).length);
  }],
  emitter_on_off: [1e6, (n) => {
    const e = new EventEmitter();
    const f = () => {};
    for (let i = 0; i < n; i++) { e.on('x', f); e.off('x', f); }
  }],
  emit_0: [5e6, (n) => {
    const e = new EventEmitter(); e.on('x', () => { sink++; });
    for (let i = 0; i < n; i++) e.emit('x');
  }],
  emit_1: [5e6, (n) => {
    const e = new EventEmitter(); e.on('x', (a) => { sink += a; });
    for (let i = 0; i < n; i++) e.emit('x', 1);
  }],
  emit_2: [5e6, (n) => {
    const e = new EventEmitter(); e.on('x', (a, b) => { sink += a + b; });
    for (let i = 0; i < n; i++) e.emit('x', 1, 2);
  }],
  emit_3: [5e6, (n) => {
    const e = new EventEmitter(); e.on('x', (a, b, c) => { sink += a + b + c; });
    for (let i = 0; i < n; i++) e.emit('x', 1, 2, 3);
  }],
  eventtarget_dispatch: [500e3, (n) => {
    const t = new EventTarget(); t.addEventListener('x', () => { sink++; });
    for (let i = 0; i < n; i++) t.dispatchEvent(new Event('x'));
  }],
  abortcontroller: [300e3, (n) => {
    for (let i = 0; i < n; i++) {
      const ac = new AbortController();
      ac.signal.addEventListener('abort', () => { sink++; });
      ac.abort();
    }
  }],
  structured_clone: [100e3, (n) => {
    for (let i = 0; i < n; i++) use(structuredClone(obj).g);
  }],
};

// Asynchronous cases: name -> [operations, async function running them all].
const async = {
  streams_pipeline: [200e3, (n) => new Promise((resolve, reject) => {
    let i = 0;
    const chunk = Buffer.alloc(16);
    const src = new Readable({ read() { this.push(i++ < n ? chunk : null); } });
    const tr = new Transform({ transform(c, e, cb) { cb(null, c); } });
    const dst = new Writable({ write(c, e, cb) { sink += c.length; cb(); } });
    src.pipe(tr).pipe(dst).on('finish', resolve).on('error', reject);
  })],
  readable_from_iter: [200e3, async (n) => {
    const items = new Array(n).fill(1);
    for await (const x of Readable.from(items)) sink += x;
  }],
  queue_microtask: [1e6, (n) => new Promise((resolve) => {
    let left = n;
    const step = () => { if (--left === 0) resolve(); else queueMicrotask(step); };
    queueMicrotask(step);
  })],
  next_tick: [1e6, (n) => new Promise((resolve) => {
    let left = n;
    const step = () => { if (--left === 0) resolve(); else process.nextTick(step); };
    process.nextTick(step);
  })],
};

function print(name, ops, ms) {
  process.stdout.write(`case=${name} ops=${Math.round(ops / (ms / 1000))}\n`);
}

async function main() {
  const which = process.argv[2];
  if (which === 'list' || which === undefined) {
    process.stdout.write([...Object.keys(sync), ...Object.keys(async)].join('\n') + '\n');
    return;
  }
  if (sync[which]) {
    const [n, fn] = sync[which];
    fn(Math.ceil(n / 10)); // warm-up: let the JIT settle before timing
    const t0 = now();
    fn(n);
    print(which, n, now() - t0);
  } else if (async[which]) {
    const [n, fn] = async[which];
    await fn(Math.ceil(n / 10));
    const t0 = now();
    await fn(n);
    print(which, n, now() - t0);
  } else {
    throw new Error(`unknown case ${which}`);
  }
  if (sink === 0.5) process.stdout.write('');
}

main();
