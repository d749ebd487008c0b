'use strict';
// yargs 17 (its exports map: 'yargs', 'yargs/yargs', 'yargs/helpers'; it checks
// process.version at load) and yargs-parser 21: commands, options, defaults,
// coercion, help and errors, on fixed argument lists.
const yargs = require('yargs/yargs');
const { hideBin } = require('yargs/helpers');
const parser = require('yargs-parser');

function cli(args) {
  let out = '';
  yargs(args)
    .scriptName('greet')
    .command('hello [name]', 'say hello', (y) => y.positional('name', { type: 'string', default: 'world' }),
      (a) => { out += `hello ${a.name}${a.loud ? '!' : ''} x${a.count}\n`; })
    .command('sum <nums..>', 'add numbers', (y) => y.positional('nums', { type: 'number' }),
      (a) => { out += `sum ${a.nums.reduce((x, y) => x + y, 0)}\n`; })
    .option('loud', { alias: 'l', type: 'boolean', describe: 'shout' })
    .option('count', { type: 'number', default: 1, describe: 'how many times' })
    .strict()
    .exitProcess(false)
    .wrap(80)
    .parse(args, {}, (err, argv, output) => {
      if (err) out += `error: ${err.message}\n`;
      if (output) out += output + '\n';
      const { $0, ...rest } = argv;
      out += `argv ${JSON.stringify(rest)}\n`;
    });
  return out;
}
for (const args of [['hello', 'bob', '-l', '--count', '3'], ['hello'], ['sum', '1', '2', '3.5'],
  ['--help'], ['hello', '--help'], ['bogus'], ['--version']]) {
  console.log(`$ greet ${args.join(' ')}\n${cli(args)}`);
}
console.log(hideBin(['node', 'script.js', 'a', '--b']));
console.log(parser(['--foo', 'bar', '-abc', '--num', '5', '--no-color', 'pos', '--list', 'x', '--list', 'y']));
console.log(parser('--a.b.c=1 --arr 1 2 3 -- rest', { array: ['arr'], configuration: { 'dot-notation': true } }));
console.log(parser.detailed(['--x', '1'], { boolean: ['x'] }).aliases);
