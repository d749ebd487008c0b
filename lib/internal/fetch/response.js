'use strict';
// Response: status, statusText, Headers, a body, and what fetch records about
// how it was got (type, the URL list, redirected). Response.error(),
// Response.json() and Response.redirect() are the standard's static makers;
// makeNetworkResponse() is fetch's own, for a head read from the network.
// internalBinding: none.

const {
  JSONStringify, ObjectDefineProperty, ObjectSetPrototypeOf, SafeArrayIterator, StringPrototypeCharCodeAt, StringPrototypeIndexOf,
  StringPrototypeSlice, Symbol, SymbolFor,
  SymbolToStringTag, RangeError, TypeError,
} = primordials;

const { Headers, fill, setGuard } = require('internal/fetch/headers');
const { kBody, kHeaders, cloneBody, extractBody, isUnusable } = require('internal/fetch/body');

const kState = Symbol('kResponseState');
const customInspect = SymbolFor('nodejs.util.inspect.custom');
const kNullBodyStatus = { __proto__: null, 101: true, 103: true, 204: true, 205: true, 304: true };
const kRedirectStatus = { __proto__: null, 301: true, 302: true, 303: true, 307: true, 308: true };

// RFC 9112's reason-phrase: HTAB, SP, VCHAR, obs-text.
function isReasonPhrase(text) {
  for (let i = 0; i < text.length; i++) {
    const c = StringPrototypeCharCodeAt(text, i);
    if (!(c === 0x09 || (c >= 0x20 && c <= 0x7e) || (c >= 0x80 && c <= 0xff))) return false;
  }
  return true;
}

// (A constructor with a prototype-less prototype: fast properties.)
function ResponseState(type, status, statusText) {
  this.type = type;
  this.status = status;
  this.statusText = statusText;
  this.urlList = [];
  this.redirected = false;
}
ObjectSetPrototypeOf(ResponseState.prototype, null);

function newState(type, status, statusText) {
  return new ResponseState(type, status, statusText);
}

// The standard's "initialize a response" from init and an extracted body.
function initialize(response, init, extracted) {
  if (init !== undefined && init !== null && typeof init !== 'object' && typeof init !== 'function') {
    throw new TypeError("Failed to construct 'Response': cannot convert to dictionary.");
  }
  init ??= { __proto__: null };
  const status = init.status === undefined ? 200 : +init.status | 0;
  if (status < 200 || status > 599) {
    throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
  }
  const statusText = init.statusText === undefined ? '' : `${init.statusText}`;
  if (!isReasonPhrase(statusText)) throw new TypeError('Invalid statusText');
  response[kState] = newState('default', status, statusText);
  const headers = new Headers();
  setGuard(headers, 'response');
  response[kHeaders] = headers;
  if (init.headers !== undefined) fill(headers, init.headers);
  response[kBody] = null;
  if (extracted !== null) {
    if (kNullBodyStatus[status] === true) {
      throw new TypeError(`Response constructor: Invalid response status code ${status}`);
    }
    response[kBody] = extracted.body;
    if (extracted.type !== null && !headers.has('content-type')) headers.append('content-type', extracted.type);
  }
}

const kConstruct = Symbol('kConstruct');

class Response {
  constructor(body = null, init = undefined) {
    if (body === kConstruct) return;
    initialize(this, init, body === null ? null : extractBody(body));
  }

  static error() {
    const response = new Response(kConstruct);
    response[kState] = newState('error', 0, '');
    const headers = new Headers();
    setGuard(headers, 'immutable');
    response[kHeaders] = headers;
    response[kBody] = null;
    return response;
  }

  static json(data, init = undefined) {
    if (arguments.length < 1) throw new TypeError('Response.json: 1 argument required, but 0 found.');
    const text = JSONStringify(data);
    if (text === undefined) throw new TypeError('Value is not JSON serializable');
    const response = new Response(kConstruct);
    const extracted = extractBody(text);
    extracted.type = 'application/json';
    initialize(response, init, extracted);
    return response;
  }

  static redirect(url, status = 302) {
    if (arguments.length < 1) throw new TypeError('Response.redirect: 1 argument required, but 0 found.');
    const { URL } = require('internal/url');
    let parsed;
    try {
      parsed = new URL(`${url}`);
    } catch (err) {
      throw new TypeError(`Failed to parse URL from ${url}`, { cause: err });
    }
    status = +status | 0;
    if (kRedirectStatus[status] !== true) throw new RangeError(`Invalid status code ${status}`);
    const response = new Response(kConstruct);
    response[kState] = newState('default', status, '');
    const headers = new Headers();
    headers.append('location', parsed.href);
    setGuard(headers, 'immutable');
    response[kHeaders] = headers;
    response[kBody] = null;
    return response;
  }

  get type() { return checkBrand(this).type; }
  get url() {
    const list = checkBrand(this).urlList;
    if (list.length === 0) return '';
    const url = list[list.length - 1];
    const hash = StringPrototypeIndexOf(url, '#');
    return hash === -1 ? url : StringPrototypeSlice(url, 0, hash);
  }
  get redirected() { return checkBrand(this).redirected; }
  get status() { return checkBrand(this).status; }
  get ok() {
    const { status } = checkBrand(this);
    return status >= 200 && status <= 299;
  }
  get statusText() { return checkBrand(this).statusText; }
  get headers() { checkBrand(this); return this[kHeaders]; }

  clone() {
    const state = checkBrand(this);
    if (isUnusable(this[kBody])) throw new TypeError('Response.clone: Body has already been consumed.');
    const copy = new Response(kConstruct);
    copy[kState] = { __proto__: null, ...state, urlList: [...new SafeArrayIterator(state.urlList)] };
    const headers = new Headers(this[kHeaders]);
    setGuard(headers, state.type === 'default' ? 'response' : 'immutable');
    copy[kHeaders] = headers;
    copy[kBody] = cloneBody(this[kBody]);
    return copy;
  }

  [customInspect](depth, options) {
    const shown = {
      status: this.status, statusText: this.statusText, headers: this.headers, body: this.body,
      bodyUsed: this.bodyUsed, ok: this.ok, redirected: this.redirected, type: this.type, url: this.url,
    };
    const { inspect } = require('internal/util/inspect');
    return `Response ${inspect(shown, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

function checkBrand(response) {
  if (response === null || typeof response !== 'object' || response[kState] === undefined) {
    throw new TypeError('Illegal invocation');
  }
  return response[kState];
}

require('internal/fetch/body').installBody(Response.prototype, 'Response');
ObjectDefineProperty(Response.prototype, SymbolToStringTag, { __proto__: null, value: 'Response', configurable: true });
for (const name of new SafeArrayIterator(['type', 'url', 'redirected', 'status', 'ok', 'statusText', 'headers',
  'clone'])) {
  ObjectDefineProperty(Response.prototype, name, { __proto__: null, enumerable: true });
}
for (const name of new SafeArrayIterator(['error', 'json', 'redirect'])) {
  ObjectDefineProperty(Response, name, { __proto__: null, enumerable: true });
}

// A response fetch read: type 'basic', immutable headers, the URLs it went through.
function makeNetworkResponse(status, statusText, headers, body, urlList) {
  const response = new Response(kConstruct);
  const state = newState('basic', status, statusText);
  state.urlList = urlList;
  state.redirected = urlList.length > 1;
  response[kState] = state;
  setGuard(headers, 'immutable');
  response[kHeaders] = headers;
  response[kBody] = body;
  return response;
}

module.exports = { Response, kNullBodyStatus, kRedirectStatus, makeNetworkResponse };
