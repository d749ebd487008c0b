// dns.lookup errors that need no server: a name over 255 bytes (EINVAL, refused
// before getaddrinfo, as libuv does) and names getaddrinfo itself refuses without
// sending a query (a space, an empty label: ENOTFOUND). The errors are node's:
// code, errno, syscall 'getaddrinfo', hostname.
const dns = require('dns');

const names = ['a.'.repeat(128), 'bad name.test', 'a..b.test'];
const lines = [];
for (const name of names) {
  dns.lookup(name, (err) => {
    lines.push(`${name.length}: ${err.message.slice(0, 30)} | ${err.code} ${err.errno} ` +
      `${err.syscall} ${err.hostname === name}`);
    if (lines.length === names.length) {
      lines.sort();
      for (const line of lines) console.log(line);
      dns.promises.lookup('bad name.test').catch((e) => console.log('promise:', e.code, e.errno));
    }
  });
}
