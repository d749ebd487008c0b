// crypto.X509Certificate over a self-signed P-256 CA certificate made for this
// test with the openssl CLI (SANs of every kind, OCSP / CA Issuers access):
// its fields, the host / email / IP checks with their options, signature and key
// checks, the legacy object, and Node's errors.
'use strict';
const crypto = require('crypto');
const { X509Certificate } = crypto;

const certPem =
  '-----BEGIN CERTIFICATE-----\n' +
  'MIICcTCCAhegAwIBAgIDAMARMAoGCCqGSM49BAMCMEoxCzAJBgNVBAYTAk5MMRMw\n' +
  'EQYDVQQKDApjb2lsIHRlc3RzMQ8wDQYDVQQLDAZjcnlwdG8xFTATBgNVBAMMDGNv\n' +
  'aWwuZXhhbXBsZTAgFw0yNjEyMDYxNTI4MjVaGA8yMTI2MTExMjE1MjgyNVowSjEL\n' +
  'MAkGA1UEBhMCTkwxEzARBgNVBAoMCmNvaWwgdGVzdHMxDzANBgNVBAsMBmNyeXB0\n' +
  'bzEVMBMGA1UEAwwMY29pbC5leGFtcGxlMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcD\n' +
  'QgAEibuNsns3h6kLhg3QtKNFkiYJmQGRDUrbuR12p1gJdTWzKcADn9l5OdnUZDks\n' +
  '3VlPhmzpQpRtYNMqHmBjV5Af/qOB6TCB5jBSBgNVHREESzBJggxjb2lsLmV4YW1w\n' +
  'bGWCDioud2lsZC5leGFtcGxlhwR/AAABhxAAAAAAAAAAAAAAAAAAAAABgRF0ZXN0\n' +
  'QGNvaWwuZXhhbXBsZTBgBggrBgEFBQcBAQRUMFIwJQYIKwYBBQUHMAGGGWh0dHA6\n' +
  'Ly9vY3NwLmNvaWwuZXhhbXBsZS8wKQYIKwYBBQUHMAKGHWh0dHA6Ly9jYS5jb2ls\n' +
  'LmV4YW1wbGUvY2EuY3J0MA8GA1UdEwEB/wQFMAMBAf8wHQYDVR0OBBYEFEjpD9cf\n' +
  'bulCydtoAz41A5CMuNWCMAoGCCqGSM49BAMCA0gAMEUCIQCCvHRZw/I83LMjAKzH\n' +
  'H5p0ufIUyN7k1Qj5rQ2FtAuq4gIgYUjgbSK3FrrHdB41yPJ0iXXzrDltBV/LwvHm\n' +
  'xO0DmMM=\n' +
  '-----END CERTIFICATE-----\n';
const keyPem =
  '-----BEGIN PRIVATE KEY-----\n' +
  'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgXf2cLsLErYOBqFqL\n' +
  'Nkxtr2TiHWTSwKskjB151BufOwKhRANCAASJu42yezeHqQuGDdC0o0WSJgmZAZEN\n' +
  'Stu5HXanWAl1NbMpwAOf2Xk52dRkOSzdWU+GbOlClG1g0yoeYGNXkB/+\n' +
  '-----END PRIVATE KEY-----\n';

function code(fn) {
  try { return fn(); } catch (e) { return `${e.name} ${e.code} ${e.message}`; }
}

const x = new X509Certificate(certPem);
for (const k of ['subject', 'issuer', 'subjectAltName', 'infoAccess', 'validFrom', 'validTo',
                 'fingerprint', 'fingerprint256', 'fingerprint512', 'serialNumber', 'ca']) {
  console.log(k, JSON.stringify(x[k]));
}
// The fingerprints are digests of the DER bytes.
const sha256 = crypto.createHash('sha256').update(x.raw).digest('hex').toUpperCase();
console.log('fingerprint256 is sha256(raw)', x.fingerprint256.replace(/:/g, '') === sha256);
console.log('pem round trip', x.toString() === certPem, x.toJSON() === x.toString());
console.log('from DER', new X509Certificate(x.raw).fingerprint === x.fingerprint);
console.log('publicKey', x.publicKey.type, x.publicKey.asymmetricKeyType,
            x.publicKey.asymmetricKeyDetails.namedCurve);

console.log('checkHost', x.checkHost('coil.example'), x.checkHost('a.wild.example'),
            x.checkHost('a.b.wild.example'), x.checkHost('other.example'));
console.log('checkHost no wildcards', x.checkHost('a.wild.example', { wildcards: false }));
console.log('checkEmail', x.checkEmail('test@coil.example'), x.checkEmail('x@coil.example'));
console.log('checkIP', x.checkIP('127.0.0.1'), x.checkIP('::1'), x.checkIP('10.0.0.1'));

const key = crypto.createPrivateKey(keyPem);
const other = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
console.log('self-signed', x.verify(x.publicKey), x.verify(other.publicKey), x.checkIssued(x));
console.log('checkPrivateKey', x.checkPrivateKey(key), x.checkPrivateKey(other.privateKey));

const legacy = x.toLegacyObject();
console.log(legacy.subject, legacy.issuer.CN, legacy.subjectaltname, legacy.ca,
            legacy.valid_to, legacy.serialNumber, Buffer.isBuffer(legacy.raw));

console.log(code(() => new X509Certificate('not a certificate')));
console.log(code(() => new X509Certificate(1)));
console.log(code(() => x.checkHost(1)));
console.log(code(() => x.checkHost('a', { subject: 'sometimes' })));
console.log(code(() => x.checkIP('not-an-ip')));
console.log(code(() => x.verify(key)).split('.')[0]);
console.log(code(() => x.checkIssued({})));
