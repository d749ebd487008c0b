// JSON modules: a default export of the parsed value, one instance per URL; the
// type attribute is required for JSON and refused for anything else.
import data from './fixtures/data.json' assert { type: 'json' };
import again from './fixtures/data.json' assert { type: 'json' };

console.log(data.name, data.list, data === again);
const ns = await import('./fixtures/data.json', { assert: { type: 'json' } });
console.log(Object.keys(ns), ns.default === data);
for (const [spec, options] of [
  ['./fixtures/data.json', undefined],
  ['./fixtures/more.mjs', { assert: { type: 'json' } }],
  ['./fixtures/data.json', { assert: { type: 'css' } }],
]) {
  try {
    await import(spec, options);
    console.log('loaded', spec);
  } catch (err) {
    console.log(err.name, err.code, err.message.replace(/file:\/\/\S*\/fixtures/, '<fixtures>'));
  }
}
