// util.parseArgs: parsing rules, tokens, defaults, strict-mode and config errors.
'use strict';
const { parseArgs, inspect } = require('util');
const options = {
  foo: { type: 'string', short: 'f' },
  bar: { type: 'boolean', short: 'b' },
  many: { type: 'string', multiple: true, short: 'm' },
  flag: { type: 'boolean', multiple: true, short: 'x' },
  def: { type: 'string', default: 'D' },
  defb: { type: 'boolean', default: false },
};
const argLists = [[], ['--foo', 'v'], ['--foo=v'], ['-f', 'v'], ['-fv'], ['-bx'], ['-bfv'], ['-bxfv', 'p'],
  ['--bar'], ['--bar=1'], ['-b', 'pos'], ['pos', '--', '--foo', 'x'], ['--foo'], ['-f'], ['--foo', '-b'],
  ['-f', '--bar'], ['--unknown'], ['-u'], ['-m', 'a', '-m', 'b', '--many=c'], ['-xxx'], ['--def=Q'],
  ['--defb'], ['--', '-b'], ['-'], ['--foo='], ['--__proto__'], ['--foo', '-'], ['-fb']];
const configs = [{}, { strict: false }, { allowPositionals: true }, { tokens: true }, { strict: false, tokens: true }];
function show(config) {
  try {
    return inspect(parseArgs(config), { depth: 5, breakLength: 120 });
  } catch (e) {
    return `${e.name} ${e.code} ${e.message}`;
  }
}
for (const args of argLists) {
  for (const c of configs) {
    console.log(JSON.stringify(args), JSON.stringify(c));
    console.log(show({ args, options, ...c }));
  }
}
for (const c of [{ args: 1 }, { strict: 1 }, { allowPositionals: 'yes' }, { tokens: null }, { options: 1 },
  { options: { a: 1 } }, { options: { a: {} } }, { options: { a: { type: 'x' } } },
  { options: { a: { type: 'string', short: 'ab' } } }, { options: { a: { type: 'string', short: 1 } } },
  { options: { a: { type: 'string', multiple: 1 } } }, { options: { a: { type: 'string', default: 1 } } },
  { options: { a: { type: 'string', multiple: true, default: ['a', 1] } } },
  { options: { a: { type: 'boolean', default: 'x' } } }, { args: ['--x'], strict: false },
  { args: ['-abc'], strict: false, tokens: true }, { args: ['a', 'b'] }]) {
  console.log(show(c));
}
