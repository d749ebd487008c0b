'use strict';
// Request: a method, an absolute URL, Headers, a body and the fetch options node
// honours (redirect, signal, duplex, keepalive). The browser-only members
// (mode, credentials, cache, referrer...) hold the standard's defaults.
// internalBinding: none.

const {
  ObjectDefineProperty, SafeArrayIterator, StringPrototypeToUpperCase, Symbol, SymbolFor,
  SymbolToStringTag, TypeError, WeakRef,
} = primordials;

const { Headers, fill, isToken, setGuard } = require('internal/fetch/headers');
const { kBody, kHeaders, cloneBody, extractBody, isUnusable } = require('internal/fetch/body');

const kState = Symbol('kRequestState');
const kSignal = Symbol('kSignal');
const kController = Symbol('kController');
const customInspect = SymbolFor('nodejs.util.inspect.custom');

const kNormalMethods = { __proto__: null, DELETE: true, GET: true, HEAD: true, OPTIONS: true, POST: true, PUT: true };
const kForbiddenMethods = { __proto__: null, CONNECT: true, TRACE: true, TRACK: true };
const kRedirects = ['follow', 'manual', 'error'];
const kEnums = {
  __proto__: null,
  redirect: kRedirects,
  mode: ['navigate', 'same-origin', 'no-cors', 'cors'],
  credentials: ['omit', 'same-origin', 'include'],
  cache: ['default', 'no-store', 'reload', 'no-cache', 'force-cache', 'only-if-cached'],
  referrerPolicy: ['', 'no-referrer', 'no-referrer-when-downgrade', 'same-origin', 'origin', 'strict-origin',
    'origin-when-cross-origin', 'strict-origin-when-cross-origin', 'unsafe-url'],
  duplex: ['half'],
};

function checkEnum(name, value) {
  value = `${value}`;
  const allowed = kEnums[name];
  for (let i = 0; i < allowed.length; i++) if (allowed[i] === value) return value;
  let list = '';
  for (let i = 0; i < allowed.length; i++) list += (i === 0 ? '' : ', ') + allowed[i];
  throw new TypeError(`Request constructor: ${value} is not an accepted type. Expected one of ${list}.`);
}

function parseURL(input) {
  const { URL } = require('internal/url');
  let url;
  try {
    url = new URL(`${input}`);
  } catch (err) {
    throw new TypeError(`Failed to parse URL from ${input}`, { cause: err });
  }
  if (url.username !== '' || url.password !== '') {
    throw new TypeError(`Request cannot be constructed from a URL that includes credentials: ${input}`);
  }
  return url;
}

function normalizeMethod(method) {
  method = `${method}`;
  if (!isToken(method)) throw new TypeError(`'${method}' is not a valid HTTP method.`);
  const upper = StringPrototypeToUpperCase(method);
  if (kForbiddenMethods[upper] === true) throw new TypeError(`'${method}' HTTP method is unsupported.`);
  if (method === 'patch' && !warnedPatch) {
    warnedPatch = true;
    process.emitWarning('Using `patch` is highly likely to result in a `405 Method Not Allowed`. `PATCH` is much more likely to succeed.',
                        { __proto__: null, code: 'UNDICI-FETCH-patch' });
  }
  return kNormalMethods[upper] === true ? upper : method;
}
let warnedPatch = false;

// The request's own signal follows the given one. The listener holds the
// controller weakly: a long-lived signal must not keep every request made with it alive.
function followSignal(request, signal) {
  const { AbortController } = require('internal/abort_controller');
  const controller = new AbortController();
  if (signal != null) {
    if (signal.aborted) {
      controller.abort(signal.reason);
    } else {
      const ref = new WeakRef(controller);
      signal.addEventListener('abort', () => ref.deref()?.abort(signal.reason), { __proto__: null, once: true });
    }
  }
  request[kController] = controller;
  request[kSignal] = controller.signal;
}

class Request {
  constructor(input, init = undefined) {
    if (arguments.length < 1) throw new TypeError('Request constructor: 1 argument required, but 0 found.');
    if (init !== undefined && init !== null && typeof init !== 'object' && typeof init !== 'function') {
      throw new TypeError("Failed to construct 'Request': cannot convert to dictionary.");
    }
    init ??= { __proto__: null };
    let state;
    let inputBody = null;
    let signal = null;
    if (input instanceof Request) {
      const from = input[kState];
      state = { __proto__: null, ...from, urlList: [from.urlList[from.urlList.length - 1]] };
      inputBody = input[kBody];
      signal = input[kSignal];
    } else {
      const url = parseURL(input);
      state = {
        __proto__: null, method: 'GET', urlList: [url.href], redirect: 'follow', keepalive: false, duplex: 'half',
        mode: 'cors', credentials: 'same-origin', cache: 'default', referrerPolicy: '', integrity: '',
        referrer: 'about:client',
      };
    }
    if (init.redirect !== undefined) state.redirect = checkEnum('redirect', init.redirect);
    if (init.mode !== undefined) {
      state.mode = checkEnum('mode', init.mode);
      if (state.mode === 'navigate') {
        throw new TypeError("Failed to construct 'Request': Cannot construct a Request with a RequestInit whose mode member is set as 'navigate'.");
      }
    }
    if (init.credentials !== undefined) state.credentials = checkEnum('credentials', init.credentials);
    if (init.cache !== undefined) state.cache = checkEnum('cache', init.cache);
    if (init.referrerPolicy !== undefined) state.referrerPolicy = checkEnum('referrerPolicy', init.referrerPolicy);
    if (init.integrity !== undefined) state.integrity = `${init.integrity}`;
    if (init.keepalive !== undefined) state.keepalive = !!init.keepalive;
    if (init.method !== undefined) state.method = normalizeMethod(init.method);
    if (init.signal !== undefined) {
      const { isAbortSignal } = require('internal/abort_controller');
      if (init.signal !== null && !isAbortSignal(init.signal)) {
        throw new TypeError("Failed to construct 'Request': member signal is not of type AbortSignal.");
      }
      signal = init.signal;
    }
    this[kState] = state;
    followSignal(this, signal);

    const headers = new Headers();
    setGuard(headers, 'request');
    this[kHeaders] = headers;
    if (init.headers !== undefined) {
      fill(headers, init.headers);
    } else if (input instanceof Request) {
      fill(headers, input[kHeaders]);
    }

    const initBody = init.body;
    if ((initBody != null || inputBody !== null) && (state.method === 'GET' || state.method === 'HEAD')) {
      throw new TypeError('Request with GET/HEAD method cannot have body.');
    }
    let body = null;
    if (initBody != null) {
      const extracted = extractBody(initBody);
      body = extracted.body;
      if (extracted.type !== null && !headers.has('content-type')) headers.append('content-type', extracted.type);
      if (body.stream !== null) {
        if (init.duplex === undefined) throw new TypeError('RequestInit: duplex option is required when sending a body.');
        if (state.keepalive) throw new TypeError('keepalive');
      }
    } else if (inputBody !== null) {
      if (isUnusable(inputBody)) throw new TypeError('Cannot construct a Request with a Request object that has already been used.');
      body = inputBody;
      // The input gives its body away: it reads as used from now on.
      input[kBody] = { __proto__: null, ...inputBody, used: true, stream: null, nodeStream: null, bytes: null };
    }
    if (init.duplex !== undefined) state.duplex = checkEnum('duplex', init.duplex);
    this[kBody] = body;
  }

  get method() { return checkBrand(this).method; }
  get url() { return checkBrand(this).urlList[0]; }
  get headers() { checkBrand(this); return this[kHeaders]; }
  get destination() { checkBrand(this); return ''; }
  get referrer() { return checkBrand(this).referrer; }
  get referrerPolicy() { return checkBrand(this).referrerPolicy; }
  get mode() { return checkBrand(this).mode; }
  get credentials() { return checkBrand(this).credentials; }
  get cache() { return checkBrand(this).cache; }
  get redirect() { return checkBrand(this).redirect; }
  get integrity() { return checkBrand(this).integrity; }
  get keepalive() { return checkBrand(this).keepalive; }
  get isReloadNavigation() { checkBrand(this); return false; }
  get isHistoryNavigation() { checkBrand(this); return false; }
  get signal() { checkBrand(this); return this[kSignal]; }
  get duplex() { return checkBrand(this).duplex; }

  clone() {
    checkBrand(this);
    if (isUnusable(this[kBody])) throw new TypeError('Request.clone: Body has already been consumed.');
    const copy = new Request(this.url, { __proto__: null, method: this.method, signal: this[kSignal] });
    copy[kState] = { __proto__: null, ...this[kState] };
    const headers = new Headers(this[kHeaders]);
    setGuard(headers, 'request');
    copy[kHeaders] = headers;
    copy[kBody] = cloneBody(this[kBody]);
    return copy;
  }

  [customInspect](depth, options) {
    const shown = {
      method: this.method, url: this.url, headers: this.headers, destination: '', referrer: this.referrer,
      referrerPolicy: this.referrerPolicy, mode: this.mode, credentials: this.credentials, cache: this.cache,
      redirect: this.redirect, integrity: this.integrity, keepalive: this.keepalive, isReloadNavigation: false,
      isHistoryNavigation: false, signal: this.signal,
    };
    const { inspect } = require('internal/util/inspect');
    return `Request ${inspect(shown, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

function checkBrand(request) {
  if (request === null || typeof request !== 'object' || request[kState] === undefined) {
    throw new TypeError('Illegal invocation');
  }
  return request[kState];
}

require('internal/fetch/body').installBody(Request.prototype, 'Request');
ObjectDefineProperty(Request.prototype, SymbolToStringTag, { __proto__: null, value: 'Request', configurable: true });
for (const name of new SafeArrayIterator(['method', 'url', 'headers', 'destination', 'referrer', 'referrerPolicy',
  'mode', 'credentials', 'cache', 'redirect', 'integrity', 'keepalive', 'isReloadNavigation',
  'isHistoryNavigation', 'signal', 'duplex', 'clone'])) {
  ObjectDefineProperty(Request.prototype, name, { __proto__: null, enumerable: true });
}

// What fetch reads of a Request.
function requestState(request) {
  return request[kState];
}

module.exports = { Request, requestState };
