'use strict';
// ms: parse duration strings and format milliseconds.
const ms = require('ms');

const inputs = ['2 days', '1d', '10h', '2.5 hrs', '2h', '1m', '5s', '1y', '100', '-3 days',
  '-200', '.5ms', '1 week', '3 weeks', '53 minutes', '1.5 hours', '  7 secs', 'foo', '1 parsec',
  '100 MS', '2 Hours'];
for (const s of inputs) console.log(JSON.stringify(s), '->', ms(s));

const nums = [0, 1, 999, 1000, 1500, 60000, 90000, 3600000, 5400000, 86400000, 172800000,
  604800000, 31557600000, -60000, -3 * 86400000, 123456789];
for (const n of nums) console.log(n, ms(n), ms(n, { long: true }));

for (const bad of ['', NaN, Infinity, {}, undefined]) {
  try { ms(bad); console.log('no error for', String(bad)); } catch (e) {
    console.log('error', e.constructor.name, e.message);
  }
}
