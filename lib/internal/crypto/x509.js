'use strict';
// crypto.X509Certificate: a certificate parsed once by OpenSSL (internalBinding
// 'crypto' x509Parse), its fields kept here; the checks (checkHost, verify,
// checkIssued, ...) hand its DER back to the binding.

const binding = internalBinding('crypto');
const { Buffer } = require('buffer');
const { isArrayBufferView } = require('internal/util/types');
const {
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
} = require('internal/errors').codes;
const { validateObject, validateString } = require('internal/validators');
const { KeyObject, PublicKeyObject, keyData } = require('internal/crypto/keys');
const { asBuffer } = require('internal/crypto/util');
const {
  ObjectKeys,
  Symbol,
  SymbolFor,
  TypeError,
} = primordials;

const kFields = Symbol('kFields');
const kInspect = SymbolFor('nodejs.util.inspect.custom');

// X509_CHECK_FLAG_* of checkHost's options.
const kAlwaysSubject = 0x1;
const kNoWildcards = 0x2;
const kNoPartialWildcards = 0x4;
const kMultiLabelWildcards = 0x8;
const kSingleLabelSubdomains = 0x10;
const kNeverSubject = 0x20;

function checkFlags(options) {
  if (options === undefined) return 0;
  validateObject(options, 'options');
  const { subject = 'default', wildcards = true, partialWildcards = true,
          multiLabelWildcards = false, singleLabelSubdomains = false } = options;
  let flags = 0;
  if (subject === 'always') flags |= kAlwaysSubject;
  else if (subject === 'never') flags |= kNeverSubject;
  else if (subject !== 'default') throw new ERR_INVALID_ARG_VALUE('options.subject', subject);
  if (!wildcards) flags |= kNoWildcards;
  if (!partialWildcards) flags |= kNoPartialWildcards;
  if (multiLabelWildcards) flags |= kMultiLabelWildcards;
  if (singleLabelSubdomains) flags |= kSingleLabelSubdomains;
  return flags;
}

class X509Certificate {
  constructor(buffer) {
    if (typeof buffer === 'string') buffer = Buffer.from(buffer);
    if (!isArrayBufferView(buffer)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
    }
    const f = binding.x509Parse(buffer);
    this[kFields] = {
      __proto__: null,
      der: asBuffer(f[0]), pem: f[1], subject: f[2], issuer: f[3], subjectAltName: f[4],
      infoAccess: f[5], validFrom: f[6], validTo: f[7], fingerprint: f[8], fingerprint256: f[9],
      fingerprint512: f[10], serialNumber: f[11], spki: asBuffer(f[12]), ca: f[13], legacy: f[14],
      keyUsage: f[15],
      publicKey: undefined,
    };
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const { inspect } = require('internal/util/inspect');
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `X509Certificate ${inspect({
      subject: this.subject, subjectAltName: this.subjectAltName, issuer: this.issuer,
      infoAccess: this.infoAccess, validFrom: this.validFrom, validTo: this.validTo,
      fingerprint: this.fingerprint, fingerprint256: this.fingerprint256,
      fingerprint512: this.fingerprint512, keyUsage: this.keyUsage, serialNumber: this.serialNumber,
    }, opts)}`;
  }

  get subject() { return this[kFields].subject; }
  get subjectAltName() { return this[kFields].subjectAltName; }
  get issuer() { return this[kFields].issuer; }
  // Only a peer's certificate (tls) knows its issuer's.
  get issuerCertificate() { return undefined; }
  get infoAccess() { return this[kFields].infoAccess; }
  get validFrom() { return this[kFields].validFrom; }
  get validTo() { return this[kFields].validTo; }
  get fingerprint() { return this[kFields].fingerprint; }
  get fingerprint256() { return this[kFields].fingerprint256; }
  get fingerprint512() { return this[kFields].fingerprint512; }
  // The extended key usages' OIDs (Node names the getter keyUsage); the same
  // array each time, as Node's.
  get keyUsage() { return this[kFields].keyUsage; }
  get serialNumber() { return this[kFields].serialNumber; }
  get raw() { return this[kFields].der; }

  get publicKey() {
    const f = this[kFields];
    f.publicKey ??= new PublicKeyObject(f.spki);
    return f.publicKey;
  }

  toString() { return this[kFields].pem; }
  toJSON() { return this[kFields].pem; }
  get ca() { return this[kFields].ca; }

  checkHost(name, options) {
    validateString(name, 'name');
    return binding.x509Check(this[kFields].der, 0, name, checkFlags(options));
  }

  checkEmail(email, options) {
    validateString(email, 'email');
    return binding.x509Check(this[kFields].der, 1, email, checkFlags(options));
  }

  checkIP(ip, options) {
    validateString(ip, 'ip');
    if (options !== undefined) validateObject(options, 'options');
    // A string that is no address is an error, not a mismatch.
    const { isIP } = require('internal/net');
    if (!isIP(ip)) {
      const err = new TypeError('Invalid IP');
      err.code = 'ERR_INVALID_ARG_VALUE';
      throw err;
    }
    return binding.x509Check(this[kFields].der, 2, ip, 0);
  }

  checkIssued(otherCert) {
    if (!(otherCert instanceof X509Certificate)) {
      throw new ERR_INVALID_ARG_TYPE('otherCert', 'X509Certificate', otherCert);
    }
    return binding.x509Relation(this[kFields].der, otherCert[kFields].der, 1);
  }

  checkPrivateKey(pkey) {
    if (!(pkey instanceof KeyObject)) throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    if (pkey.type !== 'private') throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
    return binding.x509Relation(this[kFields].der, keyData(pkey), 2);
  }

  verify(pkey) {
    if (!(pkey instanceof KeyObject)) throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    if (pkey.type !== 'public') throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
    return binding.x509Relation(this[kFields].der, keyData(pkey), 0);
  }

  toLegacyObject() {
    const legacy = this[kFields].legacy;
    const out = {};
    const keys = ObjectKeys(legacy);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      let v = legacy[k];
      if (k === 'subject' || k === 'issuer') v = { __proto__: null, ...v };
      else if (k === 'raw' || k === 'pubkey') v = Buffer.from(v);
      out[k] = v;
    }
    return out;
  }
}

module.exports = { X509Certificate };
