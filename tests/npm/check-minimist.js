'use strict';
// minimist: argv parsing with booleans, strings, aliases, defaults and '--'.
const minimist = require('minimist');

const cases = [
  [['-a', 'beep', '-b', 'boop']],
  [['-x', '3', '-y', '4', '-n5', '-abc', '--beep=boop', 'foo', 'bar', 'baz']],
  [['--no-color', '--verbose', '-vvv', '--num', '0x10', '--float', '1.5e3', '--neg', '-7']],
  [['--name', 'coil', '--name', 'node', '--', '--not-a-flag', '-x']],
  [['-h', '--port=8080', 'serve', '--dir', 'public'], { alias: { h: 'help', p: 'port' }, boolean: ['help'], string: ['dir'], default: { port: 3000, host: 'localhost' } }],
  [['--flag', 'value', '-s', '123'], { boolean: 'flag', string: 's' }],
  [['--a.b', '1', '--a.c=x', '--key.deep.er', 'yes']],
  [['cmd', '--unknown', '-z'], { boolean: ['known'], unknown: (arg) => { console.log('  unknown:', arg); return arg !== '-z'; } }],
  [['a', '--', 'b', '--c'], { '--': true }],
  [['--stop', 'sub', '--x'], { stopEarly: true }],
  [['-I', 'one', '-I', 'two', '--list=3'], { string: ['I'] }],
];
for (const [argv, opts] of cases) {
  console.log(JSON.stringify(argv), '->', JSON.stringify(minimist(argv, opts)));
}
