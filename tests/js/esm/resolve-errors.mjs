// What ES module resolution refuses, with Node's codes and messages: paths not
// exported (also null targets), undefined imports, no extension search, folders,
// unknown extensions, invalid package names and encoded separators, missing
// packages and files, and unsupported URL schemes.
const here = new URL('.', import.meta.url);
const tries = [
  'esm-cond/not-exported',
  'esm-cond/lib/private/secret',
  '#not-defined',
  './fixtures/more',
  './fixtures',
  './fixtures/data.txt',
  '@scope',
  './fixtures/a%2fb.mjs',
  'no-such-package',
  './fixtures/missing.mjs',
  'https://example.com/x.mjs',
  'legacy-main/lib/deep',
];
for (const specifier of tries) {
  try {
    await import(specifier);
    console.log('loaded', specifier);
  } catch (err) {
    console.log(specifier, err.code, err.name);
    console.log('  ' + err.message.replaceAll(here.pathname, '<here>/').replaceAll(here.href, '<here>/'));
  }
}
