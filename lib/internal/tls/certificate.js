'use strict';
// The objects getPeerCertificate() returns, made from the plain ones the binding
// builds (src/binding/tls/cert.rs): subject and issuer without a prototype, raw
// and pubkey as Buffers, and with `detailed` each certificate's
// issuerCertificate (a self-signed root is its own issuer).

const { ObjectSetPrototypeOf, TypedArrayPrototypeGetByteLength } = primordials;
const { FastBuffer } = require('internal/buffer/fast_buffer');

function asBuffer(u8) {
  return u8 === undefined ? undefined : new FastBuffer(u8.buffer, u8.byteOffset, TypedArrayPrototypeGetByteLength(u8));
}

function shape(c) {
  if (c.subject) ObjectSetPrototypeOf(c.subject, null);
  if (c.issuer) ObjectSetPrototypeOf(c.issuer, null);
  if (c.raw !== undefined) c.raw = asBuffer(c.raw);
  if (c.pubkey !== undefined) c.pubkey = asBuffer(c.pubkey);
  return c;
}

function sameName(a, b) {
  if (!a || !b) return false;
  for (const k in a) if (`${a[k]}` !== `${b[k]}`) return false;
  for (const k in b) if (!(k in a)) return false;
  return true;
}

// list: [leaf, its issuer, ...] as the peer sent them.
function translatePeerCertificate(list, detailed) {
  if (list.length === 0) return null;
  for (let i = 0; i < list.length; i++) shape(list[i]);
  if (detailed) {
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      if (i + 1 < list.length) c.issuerCertificate = list[i + 1];
      else if (sameName(c.subject, c.issuer)) c.issuerCertificate = c;
    }
  }
  return list[0];
}

module.exports = { translatePeerCertificate };
