'use strict';
// bytes: format byte counts and parse size strings.
const bytes = require('bytes');

for (const n of [0, 1, 1023, 1024, 1536, 1048576, 1073741824, 1099511627776, 1125899906842624, -2048, 1000000, 3.5]) {
  console.log(n, bytes(n), bytes.format(n, { unitSeparator: ' ' }), bytes.format(n, { decimalPlaces: 0 }),
    bytes.format(n, { fixedDecimals: true, thousandsSeparator: ',' }), bytes.format(n, { unit: 'KB' }));
}
for (const s of ['1KB', '1kb', '1.5 MB', '2GB', '1TB', '1PB', '512b', '512', '  10 mb ', 'abc', '1.5.5kb', '-1kb']) {
  console.log(JSON.stringify(s), bytes(s), bytes.parse(s));
}
console.log(bytes(null), bytes(undefined), bytes.format('x'), bytes.parse(42));
