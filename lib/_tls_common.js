'use strict';
// tls.createSecureContext and SecureContext: the options every TLS server and
// client share (key, cert, ca, pfx, ciphers, versions, curves), handed to a native
// context (internalBinding('tls_wrap'), src/binding/tls/context.rs). A context
// is configured here once and frozen by the first connection that uses it.

const {
  ArrayIsArray, ArrayPrototypeFilter, Error, ArrayPrototypeJoin, ArrayPrototypeSort, ObjectDefineProperty,
  SafeFinalizationRegistry, StringPrototypeSplit, StringPrototypeStartsWith,
} = primordials;

const binding = internalBinding('tls_wrap');
const { Buffer } = require('buffer');
const { isArrayBufferView } = require('internal/util/types');
const {
  ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_TLS_INVALID_PROTOCOL_VERSION,
  ERR_TLS_PROTOCOL_VERSION_CONFLICT,
} = require('internal/tls/errors');

const kVersions = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
// secureProtocol method names and the one version each allows.
const kMethods = {
  __proto__: null,
  TLSv1_method: 'TLSv1', TLSv1_client_method: 'TLSv1', TLSv1_server_method: 'TLSv1',
  TLSv1_1_method: 'TLSv1.1', TLSv1_1_client_method: 'TLSv1.1', TLSv1_1_server_method: 'TLSv1.1',
  TLSv1_2_method: 'TLSv1.2', TLSv1_2_client_method: 'TLSv1.2', TLSv1_2_server_method: 'TLSv1.2',
};

const contexts = new SafeFinalizationRegistry((id) => binding.contextFree(id));

// Node's defaults; tls.DEFAULT_* may be changed by a program, so read at each use.
const defaults = {
  __proto__: null,
  DEFAULT_CIPHERS: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:' +
    'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:' +
    'ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:' +
    'DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:' +
    'DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA',
  DEFAULT_ECDH_CURVE: 'auto',
  DEFAULT_MIN_VERSION: 'TLSv1.2',
  DEFAULT_MAX_VERSION: 'TLSv1.3',
};

function validateVersion(v, which) {
  for (let i = 0; i < kVersions.length; i++) if (kVersions[i] === v) return v;
  throw new ERR_TLS_INVALID_PROTOCOL_VERSION(v, which);
}

function SecureContext(secureProtocol, secureOptions, minVersion, maxVersion) {
  if (!(this instanceof SecureContext)) {
    return new SecureContext(secureProtocol, secureOptions, minVersion, maxVersion);
  }
  if (secureProtocol) {
    if (typeof secureProtocol !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('options.secureProtocol', 'string', secureProtocol);
    }
    if (minVersion !== undefined) throw new ERR_TLS_PROTOCOL_VERSION_CONFLICT(minVersion, secureProtocol);
    if (maxVersion !== undefined) throw new ERR_TLS_PROTOCOL_VERSION_CONFLICT(maxVersion, secureProtocol);
    const only = kMethods[secureProtocol];
    if (only !== undefined) {
      minVersion = only;
      maxVersion = only;
    } else if (secureProtocol !== 'TLS_method' && secureProtocol !== 'TLS_client_method' &&
               secureProtocol !== 'TLS_server_method' && secureProtocol !== 'SSLv23_method') {
      const err = new TypeError(`Unknown method: ${secureProtocol}`);
      err.code = 'ERR_TLS_INVALID_PROTOCOL_METHOD';
      throw err;
    }
  }
  minVersion = validateVersion(minVersion === undefined ? defaults.DEFAULT_MIN_VERSION : minVersion,
                               'minimum');
  maxVersion = validateVersion(maxVersion === undefined ? defaults.DEFAULT_MAX_VERSION : maxVersion,
                               'maximum');
  const id = binding.contextNew(minVersion, maxVersion);
  contexts.register(this, id);
  // `context` is Node's native handle; coil's is the context's number.
  this.context = { __proto__: null, id };
  if (secureOptions) binding.contextSetOptions(id, secureOptions);
}

function toBytes(value, name) {
  if (typeof value === 'string') return Buffer.from(value);
  if (isArrayBufferView(value)) return value;
  throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], value);
}

function forEachItem(value, fn) {
  if (ArrayIsArray(value)) for (let i = 0; i < value.length; i++) fn(value[i]);
  else fn(value);
}

// Splits Node's one `ciphers` string into the TLSv1.3 suites (TLS_*) and the
// older protocols' cipher list.
function processCiphers(ciphers, name) {
  const all = StringPrototypeSplit(ciphers, ':');
  const list = ArrayPrototypeJoin(ArrayPrototypeFilter(all, (c) => !StringPrototypeStartsWith(c, 'TLS_')), ':');
  const suites = ArrayPrototypeJoin(ArrayPrototypeFilter(all, (c) => StringPrototypeStartsWith(c, 'TLS_')), ':');
  if (list === '' && suites === '') throw new ERR_INVALID_ARG_VALUE(name, ciphers);
  return { __proto__: null, list, suites };
}

function configure(id, options) {
  const ciphers = options.ciphers === undefined || options.ciphers === null ?
    defaults.DEFAULT_CIPHERS : options.ciphers;
  if (typeof ciphers !== 'string') throw new ERR_INVALID_ARG_TYPE('options.ciphers', 'string', ciphers);
  const c = processCiphers(ciphers, 'options.ciphers');
  // Without TLS_* names the TLSv1.3 suites stay OpenSSL's defaults, as in Node.
  if (c.suites !== '') binding.contextSetCiphersuites(id, c.suites);
  binding.contextSetCiphers(id, c.list);
  const ca = options.ca;
  if (ca) forEachItem(ca, (x) => binding.contextAddCA(id, toBytes(x, 'options.ca')));
  const cert = options.cert;
  if (cert) forEachItem(cert, (x) => binding.contextSetCert(id, toBytes(x, 'options.cert')));
  const key = options.key;
  if (key) {
    const passphrase = options.passphrase;
    if (passphrase !== undefined && passphrase !== null && typeof passphrase !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('options.passphrase', 'string', passphrase);
    }
    forEachItem(key, (k) => {
      if (k !== null && typeof k === 'object' && !isArrayBufferView(k)) {
        const pass = k.passphrase !== undefined ? k.passphrase : passphrase;
        binding.contextSetKey(id, toBytes(k.pem, 'options.key.pem'), pass === null ? undefined : pass);
      } else {
        binding.contextSetKey(id, toBytes(k, 'options.key'), passphrase === null ? undefined : passphrase);
      }
    });
  }
  const pfx = options.pfx;
  if (pfx) {
    forEachItem(pfx, (p) => {
      let bytes = p, pass = options.passphrase;
      if (p !== null && typeof p === 'object' && !isArrayBufferView(p)) {
        bytes = p.buf;
        if (p.passphrase !== undefined) pass = p.passphrase;
      }
      try {
        binding.contextLoadPfx(id, toBytes(bytes, 'options.pfx'), pass === null ? undefined : pass);
      } catch (err) {
        // A wrong passphrase is a plain Error in Node, without OpenSSL's code.
        if (err.reason === 'mac verify failure') throw new Error('mac verify failure');
        throw err;
      }
    });
  }
  const curve = options.ecdhCurve === undefined || options.ecdhCurve === null ?
    defaults.DEFAULT_ECDH_CURVE : options.ecdhCurve;
  if (typeof curve !== 'string') throw new ERR_INVALID_ARG_TYPE('options.ecdhCurve', 'string', curve);
  if (curve !== 'auto') binding.contextSetGroups(id, curve);
  const sid = options.sessionIdContext;
  if (sid !== undefined && sid !== null) binding.contextSetSessionIdContext(id, toBytes(sid, 'options.sessionIdContext'));
  if (typeof options.sessionTimeout === 'number') binding.contextSetSessionTimeout(id, options.sessionTimeout);
}

function createSecureContext(options) {
  if (options === undefined || options === null) options = { __proto__: null };
  const ctx = new SecureContext(options.secureProtocol, options.secureOptions,
                                options.minVersion, options.maxVersion);
  configure(ctx.context.id, options);
  return ctx;
}

function isSecureContext(v) {
  return v instanceof SecureContext;
}

// Lower-cased, sorted, unique: what tls.getCiphers() lists.
function getCiphers() {
  const names = ArrayPrototypeSort(binding.getCiphers());
  const out = [];
  for (let i = 0; i < names.length; i++) {
    if (i === 0 || names[i] !== names[i - 1]) out[out.length] = names[i];
  }
  return out;
}

ObjectDefineProperty(SecureContext, 'name', { __proto__: null, value: 'SecureContext' });

module.exports = { SecureContext, createSecureContext, isSecureContext, getCiphers, defaults };
