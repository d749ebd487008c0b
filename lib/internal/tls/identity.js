'use strict';
// tls.checkServerIdentity (RFC 6125 host name matching against a certificate's
// subjectAltName, or its CN when it names no DNS host), tls.convertALPNProtocols,
// and tls.rootCertificates (the system's CA store).

const {
  ArrayIsArray, ArrayPrototypeJoin, ArrayPrototypePush, ObjectFreeze, RegExpPrototypeExec,
  StringPrototypeEndsWith, StringPrototypeIncludes,
  StringPrototypeIndexOf, StringPrototypeSlice, StringPrototypeSplit, StringPrototypeStartsWith,
  StringPrototypeToLowerCase,
} = primordials;

const { Buffer } = require('buffer');
const { isIP } = require('internal/net');
const { isArrayBufferView } = require('internal/util/types');
const { ERR_TLS_CERT_ALTNAME_INVALID, ERR_OUT_OF_RANGE } = require('internal/tls/errors');

function withoutTrailingDot(name) {
  return StringPrototypeEndsWith(name, '.') ? StringPrototypeSlice(name, 0, -1) : name;
}

function labelsOf(name) {
  return StringPrototypeSplit(StringPrototypeToLowerCase(withoutTrailingDot(name)), '.');
}

// Whether the host's labels match `pattern`: the same number of labels, each
// equal, except that the first pattern label may hold one '*' standing for part
// of the host's first label (never in an A-label, never over fewer than three
// labels, as RFC 6125 6.4.3 advises).
function matches(hostLabels, pattern, allowWildcard) {
  const parts = labelsOf(pattern);
  if (parts.length !== hostLabels.length) return false;
  for (let i = 0; i < hostLabels.length; i++) if (hostLabels[i] === '') return false;
  for (let i = 1; i < parts.length; i++) if (parts[i] !== hostLabels[i]) return false;
  const first = parts[0];
  const host = hostLabels[0];
  if (first === host) return true;
  const star = StringPrototypeIndexOf(first, '*');
  if (!allowWildcard || star === -1) return false;
  if (StringPrototypeIncludes(StringPrototypeSlice(first, star + 1), '*')) return false;
  if (StringPrototypeStartsWith(first, 'xn--')) return false;
  if (parts.length < 3) return false;
  // A wildcard matches only printable ASCII host labels.
  if (RegExpPrototypeExec(/[^\u0021-\u007f]/, host) !== null) return false;
  const prefix = StringPrototypeSlice(first, 0, star);
  const suffix = StringPrototypeSlice(first, star + 1);
  if (prefix.length + suffix.length > host.length) return false;
  return StringPrototypeStartsWith(host, prefix) && StringPrototypeEndsWith(host, suffix);
}

// The canonical text of an IP address, so '::1' and '0:0:0:0:0:0:0:1' compare equal.
// Not an address (a CIDR range, say): undefined, which matches nothing.
function canonicalIP(ip) {
  const family = isIP(ip);
  if (family === 0) return undefined;
  if (family === 4) return ip;
  const { SocketAddress } = require('net');
  try {
    return new SocketAddress({ address: ip, family: 'ipv6' }).address;
  } catch {
    return ip;
  }
}

// Splits a subjectaltname string (`DNS:a, IP Address:1.2.3.4`); an entry with
// quotes (a name holding ", ") keeps its quoted part whole.
function splitAltNames(altNames) {
  if (!StringPrototypeIncludes(altNames, '"')) return StringPrototypeSplit(altNames, ', ');
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < altNames.length; i++) {
    const c = altNames[i];
    if (c === '"') {
      quoted = !quoted;
      continue;
    }
    if (!quoted && c === ',' && altNames[i + 1] === ' ') {
      ArrayPrototypePush(out, cur);
      cur = '';
      i++;
      continue;
    }
    cur += c;
  }
  ArrayPrototypePush(out, cur);
  return out;
}

function checkServerIdentity(hostname, cert) {
  const subject = cert.subject;
  const altNames = cert.subjectaltname;
  const dnsNames = [];
  const ips = [];
  hostname = `${hostname}`;
  if (altNames) {
    const names = splitAltNames(altNames);
    for (let i = 0; i < names.length; i++) {
      const n = names[i];
      if (StringPrototypeStartsWith(n, 'DNS:')) ArrayPrototypePush(dnsNames, StringPrototypeSlice(n, 4));
      else if (StringPrototypeStartsWith(n, 'IP Address:')) {
        ArrayPrototypePush(ips, canonicalIP(StringPrototypeSlice(n, 11)));
      }
    }
  }
  hostname = withoutTrailingDot(hostname);
  let reason;
  if (isIP(hostname)) {
    const want = canonicalIP(hostname);
    for (let i = 0; i < ips.length; i++) if (ips[i] === want) return undefined;
    reason = `IP: ${hostname} is not in the cert's list: ${ArrayPrototypeJoin(ips, ', ')}`;
  } else if (dnsNames.length > 0 || (subject && subject.CN)) {
    const labels = labelsOf(hostname);
    if (dnsNames.length > 0) {
      for (let i = 0; i < dnsNames.length; i++) if (matches(labels, dnsNames[i], true)) return undefined;
      reason = `Host: ${hostname}. is not in the cert's altnames: ${altNames}`;
    } else {
      const cn = subject.CN;
      if (ArrayIsArray(cn)) {
        for (let i = 0; i < cn.length; i++) if (matches(labels, cn[i], true)) return undefined;
      } else if (matches(labels, cn, true)) {
        return undefined;
      }
      reason = `Host: ${hostname}. is not cert's CN: ${cn}`;
    }
  } else {
    reason = 'Cert does not contain a DNS name';
  }
  return new ERR_TLS_CERT_ALTNAME_INVALID(reason, hostname, cert);
}

// ALPN protocol names (strings, or a Buffer already in wire format) to the wire
// format: each name prefixed by its length.
function convertALPNProtocols(protocols, out) {
  if (ArrayIsArray(protocols)) {
    let len = 0;
    for (let i = 0; i < protocols.length; i++) {
      const n = Buffer.byteLength(protocols[i]);
      if (n > 255) {
        throw new ERR_OUT_OF_RANGE('The byte length of the protocol at index ' +
          `${i} exceeds the maximum length.`, '<= 255', n, true);
      }
      len += 1 + n;
    }
    const buf = Buffer.allocUnsafe(len);
    let at = 0;
    for (let i = 0; i < protocols.length; i++) {
      const n = Buffer.byteLength(protocols[i]);
      buf[at++] = n;
      at += buf.write(protocols[i], at);
    }
    out.ALPNProtocols = buf;
  } else if (isArrayBufferView(protocols)) {
    // A copy: the caller's buffer stays theirs.
    out.ALPNProtocols = Buffer.from(Buffer.from(protocols.buffer, protocols.byteOffset,
                                                protocols.byteLength));
  }
}

const kSystemBundle = '/etc/ssl/certs/ca-certificates.crt';
let roots;
// The system's trusted roots as PEM strings, read once.
function rootCertificates() {
  if (roots !== undefined) return roots;
  const list = [];
  let text = '';
  try {
    text = require('fs').readFileSync(kSystemBundle, 'latin1');
  } catch {
    // No bundle on this system: no roots.
  }
  const begin = '-----BEGIN CERTIFICATE-----';
  const end = '-----END CERTIFICATE-----';
  let at = StringPrototypeIndexOf(text, begin);
  while (at !== -1) {
    const stop = StringPrototypeIndexOf(text, end, at);
    if (stop === -1) break;
    ArrayPrototypePush(list, StringPrototypeSlice(text, at, stop + end.length));
    at = StringPrototypeIndexOf(text, begin, stop);
  }
  roots = ObjectFreeze(list);
  return roots;
}

module.exports = { checkServerIdentity, convertALPNProtocols, rootCertificates };
