// Specifiers as URLs: percent-encoding in relative and file: URLs, data: URLs
// (JavaScript and JSON, base64 too), node: URLs.
import { spaced } from './fixtures/with%20space.mjs';
import { pct } from './fixtures/100%25.mjs';
import * as fs from 'node:fs';

console.log(spaced, pct, typeof fs.readFileSync);
const byURL = await import(new URL('./fixtures/with space.mjs', import.meta.url).href);
const byEncoded = await import('./fixtures/with%20space.mjs');
console.log(byURL === byEncoded);
const js = await import('data:text/javascript,export default 6 * 7; export const name = "data";');
console.log(js.default, js.name);
const b64 = await import('data:text/javascript;base64,' + Buffer.from('export const b = "base64"').toString('base64'));
console.log(b64.b);
const json = await import('data:application/json,{"x":1}', { assert: { type: 'json' } });
console.log(json.default);
const withQuery = await import('./fixtures/more.mjs?v=1');
const plain = await import('./fixtures/more.mjs');
console.log(withQuery === plain, withQuery.alpha);
