'use strict';
// fetch(): the Fetch standard's algorithm for what node supports. data: URLs
// and blob: URLs are answered here; http: goes through coil's own http client (http.request on
// a keep-alive Agent kept for fetch), one request per hop of a redirect chain;
// https: goes through the same code once an `https` module with request() and
// Agent exists (see transportFor). Responses are decoded (gzip, deflate, br) by
// zlib streams; the body stays a node Readable until someone asks for the web
// stream. Failures are TypeError('fetch failed') with the reason as `cause`, an
// abort rejects with the signal's reason, a body cut short errors with
// TypeError('terminated').
// internalBinding: none.

const {
  ArrayPrototypePush, Error, ObjectSetPrototypeOf, Promise, PromisePrototypeThen, PromiseReject, SafeArrayIterator, StringPrototypeSlice,
  StringPrototypeSplit, StringPrototypeToLowerCase, StringPrototypeTrim, TypeError, Uint8Array,
} = primordials;

const { Request, requestState } = require('internal/fetch/request');
const { kNullBodyStatus, kRedirectStatus, makeNetworkResponse } = require('internal/fetch/response');
const { Headers, appendToList, headersFromRaw, toRawArray } = require('internal/fetch/headers');
const { kBody, kHeaders, newBody } = require('internal/fetch/body');
const { isBadPort, processDataURL } = require('internal/fetch/data_url');

const kMaxRedirects = 20;
const kDefaultHeaders = [
  ['accept', '*/*'], ['accept-language', '*'], ['sec-fetch-mode', 'cors'], ['user-agent', 'node'],
  ['accept-encoding', 'gzip, deflate'],
];

// scheme -> { module, agent }, made on first use.
const transports = { __proto__: null };

// The http client module for a scheme: http now, https when a module with
// request() and Agent is there (the tls work); null when the scheme has none.
function transportFor(protocol) {
  let transport = transports[protocol];
  if (transport !== undefined) return transport;
  let mod;
  try {
    mod = require(protocol === 'http:' ? 'http' : 'https');
  } catch {
    return null;
  }
  if (typeof mod.request !== 'function' || typeof mod.Agent !== 'function') return null;
  transport = { __proto__: null, mod, agent: new mod.Agent({ keepAlive: true, timeout: 4000 }) };
  transports[protocol] = transport;
  return transport;
}

// undici's error for a connection that ended a body early, as node shows it.
class SocketError extends Error {
  constructor(message, socket) {
    super(message);
    this.name = 'SocketError';
    this.code = 'UND_ERR_SOCKET';
    this.socket = socket;
  }
}

function bodyCut(err, res) {
  if (err !== null && typeof err === 'object' && err.code === 'ECONNRESET' && err.message === 'aborted') {
    const socket = res.socket;
    err = new SocketError('other side closed', {
      __proto__: null, localAddress: socket?.localAddress, localPort: socket?.localPort,
      remoteAddress: socket?.remoteAddress, remotePort: socket?.remotePort,
    });
  }
  return new TypeError('terminated', { cause: err });
}

// One fetch's progress through its redirect chain. (A constructor with a
// prototype-less prototype: fast properties, unlike a `{ __proto__: null }` literal.)
function FetchState(request, state, resolve, reject) {
  // Held so the request's signal's controller lives as long as the fetch.
  this.request = request;
  this.resolve = resolve;
  this.reject = reject;
  this.signal = request.signal;
  this.onAbort = null;
  this.settled = false;
  this.aborted = false;
  this.method = state.method;
  this.redirect = state.redirect;
  this.urlList = [state.urlList[0]];
  this.headers = request[kHeaders];
  this.body = request[kBody];
  this.redirects = 0;
  this.req = null;
  this.nodeBody = null;
}
ObjectSetPrototypeOf(FetchState.prototype, null);

function fetchFailed(cause) {
  return new TypeError('fetch failed', { cause });
}

function fetch(input, init = undefined) {
  if (arguments.length < 1) {
    return PromiseReject(new TypeError("Failed to execute 'fetch' on 'Window': 1 argument required, but only 0 present."));
  }
  let request;
  try {
    request = new Request(input, init);
  } catch (err) {
    return PromiseReject(err);
  }
  const signal = request.signal;
  if (signal.aborted) return PromiseReject(signal.reason);
  const state = requestState(request);
  return new Promise((resolve, reject) => {
    const ctx = new FetchState(request, state, resolve, reject);
    const onAbort = () => {
      ctx.aborted = true;
      if (ctx.req !== null) ctx.req.destroy();
      if (ctx.nodeBody !== null) ctx.nodeBody.destroy(signal.reason);
      settle(ctx, null, signal.reason);
    };
    ctx.onAbort = onAbort;
    signal.addEventListener('abort', onAbort, { __proto__: null, once: true });
    step(ctx);
  });
}

function settle(ctx, response, err) {
  if (ctx.settled) return;
  ctx.settled = true;
  if (err !== null) {
    ctx.signal.removeEventListener('abort', ctx.onAbort);
    ctx.reject(err);
  } else {
    ctx.resolve(response);
  }
}

// One hop: answers the current URL of the chain.
function step(ctx) {
  const { URL } = require('internal/url');
  const href = ctx.urlList[ctx.urlList.length - 1];
  const url = new URL(href);
  const protocol = url.protocol;
  if (protocol === 'data:') return dataResponse(ctx, href);
  if (protocol === 'blob:') return blobResponse(ctx, href);
  if (protocol !== 'http:' && protocol !== 'https:') {
    const reason = protocol === 'about:' ? 'about scheme is not supported' :
      protocol === 'file:' ? 'not implemented... yet...' : 'unknown scheme';
    return settle(ctx, null, fetchFailed(new Error(reason)));
  }
  if (url.port !== '' && isBadPort(+url.port)) return settle(ctx, null, fetchFailed(new Error('bad port')));
  const transport = transportFor(protocol);
  if (transport === null) {
    return settle(ctx, null, fetchFailed(new Error(`${protocol} is not supported by this build of coil yet`)));
  }
  httpRequest(ctx, url, transport);
}

function dataResponse(ctx, href) {
  const parsed = processDataURL(href);
  if (parsed === null) return settle(ctx, null, fetchFailed(new TypeError('invalid data: URL')));
  const headers = new Headers();
  appendToList(headers, 'content-type', parsed.type);
  const body = ctx.method === 'HEAD' ? null : newBody(parsed.bytes, null, null, parsed.bytes.length);
  settle(ctx, makeNetworkResponse(200, 'OK', headers, body, ctx.urlList), null);
}

// A Blob registered by URL.createObjectURL, read with GET only.
function blobResponse(ctx, href) {
  const blob = ctx.method === 'GET' ? require('internal/url/blob').resolveObjectURL(href) : undefined;
  if (blob === undefined) return settle(ctx, null, fetchFailed(new Error('invalid method')));
  const bytes = require('internal/buffer/blob').getBlobBytes(blob);
  const headers = new Headers();
  appendToList(headers, 'content-length', `${bytes.length}`);
  appendToList(headers, 'content-type', blob.type);
  settle(ctx, makeNetworkResponse(200, 'OK', headers, newBody(bytes, null, null, bytes.length), ctx.urlList), null);
}

// Names fetch sets itself, whatever the request's headers say (as node).
const kOwnHeaders = {
  __proto__: null, 'host': true, 'connection': true, 'content-length': true, 'transfer-encoding': true,
};

// The head as http.request's flat [name, value, ...] list: Host and Connection,
// the request's headers as given, then node's defaults for what the request
// does not set, and the body's length when known.
function requestHead(ctx, url) {
  const connection = ctx.headers.get('connection');
  const raw = ['host', url.host, 'connection', connection === 'close' ? 'close' : 'keep-alive'];
  const given = toRawArray(ctx.headers, kOwnHeaders);
  for (let i = 0; i < given.length; i++) ArrayPrototypePush(raw, given[i]);
  for (let i = 0; i < kDefaultHeaders.length; i++) {
    if (!ctx.headers.has(kDefaultHeaders[i][0])) ArrayPrototypePush(raw, kDefaultHeaders[i][0], kDefaultHeaders[i][1]);
  }
  const body = ctx.body;
  if (body !== null && body.length !== null) {
    ArrayPrototypePush(raw, 'content-length', `${body.length}`);
  } else if (body === null && (ctx.method === 'POST' || ctx.method === 'PUT')) {
    ArrayPrototypePush(raw, 'content-length', '0');
  }
  return raw;
}

function httpRequest(ctx, url, transport) {
  let hostname = url.hostname;
  if (hostname[0] === '[') hostname = StringPrototypeSlice(hostname, 1, -1);
  let req;
  try {
    req = transport.mod.request({
      __proto__: null, method: ctx.method, hostname, port: url.port || undefined,
      path: url.pathname + url.search, headers: requestHead(ctx, url), agent: transport.agent, setHost: false,
    });
  } catch (err) {
    return settle(ctx, null, fetchFailed(err));
  }
  ctx.req = req;
  req.on('error', (err) => {
    if (ctx.aborted) return;
    settle(ctx, null, fetchFailed(err));
  });
  req.on('response', (res) => onResponse(ctx, url, res));
  sendBody(ctx, req);
}

function sendBody(ctx, req) {
  const body = ctx.body;
  if (body === null) return req.end();
  if (body.stream === null && body.nodeStream === null) return req.end(body.bytes);
  const { getStream } = require('internal/fetch/body');
  PromisePrototypeThen(pump(req, getStream(body).getReader()), undefined, (err) => {
    req.destroy(err);
    settle(ctx, null, fetchFailed(err));
  });
}

async function pump(req, reader) {
  const { Buffer } = require('buffer');
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // Aborted or failed meanwhile: stop reading the user's stream.
    if (req.destroyed) return reader.cancel();
    if (!(value instanceof Uint8Array)) throw new TypeError('Received non-Uint8Array chunk');
    if (!req.write(Buffer.from(value.buffer, value.byteOffset, value.byteLength))) {
      await new Promise((resolve) => {
        const done = () => {
          req.removeListener('drain', done);
          req.removeListener('close', done);
          resolve();
        };
        req.on('drain', done);
        req.on('close', done);
      });
    }
  }
  req.end();
}

function onResponse(ctx, url, res) {
  ctx.req = null;
  if (ctx.aborted) return res.destroy();
  const status = res.statusCode;
  const location = res.headers.location;
  if (kRedirectStatus[status] === true && location !== undefined && ctx.redirect !== 'manual') {
    res.resume();
    if (ctx.redirect === 'error') return settle(ctx, null, fetchFailed(new Error('unexpected redirect')));
    return followRedirect(ctx, url, status, location);
  }
  const headers = headersFromRaw(res.rawHeaders);
  let body = null;
  if (ctx.method === 'HEAD' || kNullBodyStatus[status] === true) {
    res.resume();
  } else {
    const node = decoded(res, headers.get('content-encoding'));
    const length = node === res && res.headers['content-length'] !== undefined ? +res.headers['content-length'] : null;
    body = newBody(null, null, node, length);
    body.mapError = (err) => (ctx.aborted ? ctx.signal.reason : bodyCut(err, res));
    ctx.nodeBody = node;
    node.once('end', () => ctx.signal.removeEventListener('abort', ctx.onAbort));
  }
  if (body === null) ctx.signal.removeEventListener('abort', ctx.onAbort);
  settle(ctx, makeNetworkResponse(status, res.statusMessage || '', headers, body, ctx.urlList), null);
}

function followRedirect(ctx, url, status, location) {
  const { URL } = require('internal/url');
  let next;
  try {
    next = new URL(location, url);
  } catch (err) {
    return settle(ctx, null, fetchFailed(err));
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    return settle(ctx, null, fetchFailed(new TypeError('URL scheme must be a HTTP(S) scheme')));
  }
  if (++ctx.redirects > kMaxRedirects) return settle(ctx, null, fetchFailed(new Error('redirect count exceeded')));
  const body = ctx.body;
  if (status !== 303 && body !== null && body.bytes === null) {
    return settle(ctx, null, fetchFailed(new TypeError('Cannot follow a redirect with a streamed request body')));
  }
  if (((status === 301 || status === 302) && ctx.method === 'POST') ||
      (status === 303 && ctx.method !== 'GET' && ctx.method !== 'HEAD')) {
    ctx.method = 'GET';
    ctx.body = null;
    ctx.headers = new Headers(ctx.headers);
    for (const name of new SafeArrayIterator(['content-encoding', 'content-language', 'content-location',
      'content-type', 'content-length'])) ctx.headers.delete(name);
  }
  if (next.origin !== url.origin) {
    // Credentials are not sent on to another origin.
    ctx.headers = new Headers(ctx.headers);
    for (const name of new SafeArrayIterator(['authorization', 'cookie', 'proxy-authorization', 'host'])) {
      ctx.headers.delete(name);
    }
  }
  ArrayPrototypePush(ctx.urlList, next.href);
  step(ctx);
}

// The body decoded by each content coding, last applied first undone.
function decoded(res, encoding) {
  if (encoding === null) return res;
  const codings = StringPrototypeSplit(encoding, ',');
  const zlib = require('zlib');
  const options = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const all = [res];
  for (let i = codings.length - 1; i >= 0; i--) {
    const coding = StringPrototypeToLowerCase(StringPrototypeTrim(codings[i]));
    if (coding === 'gzip' || coding === 'x-gzip') ArrayPrototypePush(all, zlib.createGunzip(options));
    else if (coding === 'deflate') ArrayPrototypePush(all, zlib.createInflate(options));
    else if (coding === 'br') ArrayPrototypePush(all, zlib.createBrotliDecompress());
    // A coding zlib does not know: the body is given as it came.
    else if (coding !== 'identity' && coding !== '') return res;
  }
  const out = all[all.length - 1];
  if (out === res) return res;
  const { pipeline } = require('stream');
  pipeline(all, () => {});
  return out;
}

module.exports = { fetch };
