// X509Certificate.keyUsage and the legacy object's ext_key_usage: the extended key
// usages' OIDs, dotted, in the certificate's order (Node's getter is named
// keyUsage), or undefined for a certificate without the extension; and the legacy
// object's facts of an EC key (bits, the uncompressed point, curve names). The
// certificate below was made for this test with the openssl CLI (extendedKeyUsage
// serverAuth, clientAuth, 1.2.3.4, codeSigning, OCSPSigning).
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { X509Certificate } = require('crypto');

const ekuPem =
  '-----BEGIN CERTIFICATE-----\n' +
  'MIIB7jCCAZSgAwIBAgIUFYJ8zTarOOcC7gwV1g0FPrey6iYwCgYIKoZIzj0EAwIw\n' +
  'KDETMBEGA1UECgwKY29pbCB0ZXN0czERMA8GA1UEAwwIZWt1IHRlc3QwIBcNMjYx\n' +
  'MjA2MTcxNTQyWhgPMjEyNjExMTIxNzE1NDJaMCgxEzARBgNVBAoMCmNvaWwgdGVz\n' +
  'dHMxETAPBgNVBAMMCGVrdSB0ZXN0MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n' +
  'y465USZHcTzCtKXPd22QGRvoHmyJAGb8zL+yU1bA/tx5WzpyoQuEEtoEGXx1ISeo\n' +
  'JHPQXrtdn2ss9R66Fxw3daOBmTCBljAdBgNVHQ4EFgQUSTEP6oviog1bnqszxUjh\n' +
  'zh/J7/owHwYDVR0jBBgwFoAUSTEP6oviog1bnqszxUjhzh/J7/owDwYDVR0TAQH/\n' +
  'BAUwAwEB/zA2BgNVHSUELzAtBggrBgEFBQcDAQYIKwYBBQUHAwIGAyoDBAYIKwYB\n' +
  'BQUHAwMGCCsGAQUFBwMJMAsGA1UdDwQEAwIHgDAKBggqhkjOPQQDAgNIADBFAiBH\n' +
  'R2IPaAk8QwWApO+ZxpnpopiO5rqaBAg6sIiQIOZ7cQIhAMKN8UtUR4Kvj8jtjGL2\n' +
  'YMdUgSYoQli/lcj60YIFsuLV\n' +
  '-----END CERTIFICATE-----\n';

const cert = new X509Certificate(ekuPem);
const usages = cert.keyUsage;
console.log(usages);
assert.ok(Array.isArray(usages));
assert.strictEqual(cert.keyUsage, usages, 'the same array each time');
assert.deepStrictEqual(cert.toLegacyObject().ext_key_usage, usages);
const legacyKeys = Object.keys(cert.toLegacyObject());
assert.ok(legacyKeys.indexOf('ext_key_usage') === legacyKeys.indexOf('fingerprint512') + 1);
assert.ok(legacyKeys.indexOf('serialNumber') === legacyKeys.indexOf('ext_key_usage') + 1);

// The P-256 key, as toLegacyObject (and getPeerCertificate) show it.
const legacy = cert.toLegacyObject();
console.log(legacy.bits, legacy.asn1Curve, legacy.nistCurve, legacy.pubkey.length, legacy.pubkey[0]);
assert.strictEqual(legacy.modulus, undefined);

// No extension: undefined, and no ext_key_usage in the legacy object.
const plain = new X509Certificate(
  fs.readFileSync(path.join(__dirname, '..', 'tls', 'fixtures', 'server-cert.pem')));
console.log(plain.keyUsage, 'ext_key_usage' in plain.toLegacyObject());
// DER gives the same.
console.log(new X509Certificate(cert.raw).keyUsage.length);
