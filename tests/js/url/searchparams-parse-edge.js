// URLSearchParams parses '+', escapes, stray '%', '=' inside values, empty pairs and
// lone surrogates as Node does (formParse scans each pair once, decoding only
// the names and values that hold a '+' or '%').
'use strict';
const cases = ['a=1&b=2&c=%20x&d=hello+world', '', '&&', '=', '==a', 'a=b=c', 'a+b=c+d', '%zz=%2', 'x=%E2%98%83', 'x=%e2%98', 'x=%41%zz%42', '+%2B+=%', 'a&b&', '?a=1', 'a=%7E%7e', 'k%3D=v%26', '%%%', 'a=%F0%9F%98%80+', '\uD800=1'];
for (const c of cases) console.log(JSON.stringify(c), JSON.stringify([...new URLSearchParams(c)]));
