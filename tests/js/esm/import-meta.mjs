// import.meta: url, filename, dirname and resolve (which returns the URL of a file
// that does not exist, and throws for a package that cannot be found).
import { fileURLToPath } from 'node:url';
import path from 'node:path';

console.log(Object.keys(import.meta).join(','));
console.log(import.meta.url === new URL(import.meta.url).href, import.meta.url.startsWith('file:///'));
console.log(import.meta.filename === fileURLToPath(import.meta.url));
console.log(import.meta.dirname === path.dirname(import.meta.filename));
console.log(path.basename(import.meta.filename));
console.log(import.meta.resolve('./fixtures/lib.mjs') === new URL('./fixtures/lib.mjs', import.meta.url).href);
console.log(import.meta.resolve('./no-such-file.mjs').endsWith('/esm/no-such-file.mjs'));
console.log(import.meta.resolve('node:fs'), import.meta.resolve('fs'));
try {
  import.meta.resolve('no-such-package-anywhere');
} catch (err) {
  console.log(err.code);
}
const meta = await import('./fixtures/meta-child.mjs');
console.log(meta.childMeta.url.endsWith('/fixtures/meta-child.mjs'), meta.childMeta === import.meta);
