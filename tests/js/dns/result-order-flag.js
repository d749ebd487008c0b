// args: --dns-result-order=ipv4first
// --dns-result-order sets dns.lookup's default order (dns and dns.promises), until
// setDefaultResultOrder changes it.
const dns = require('dns');
console.log('from the flag:', dns.getDefaultResultOrder(), dns.promises.getDefaultResultOrder());
dns.setDefaultResultOrder('ipv6first');
console.log('after set:', dns.getDefaultResultOrder());
