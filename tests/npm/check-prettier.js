'use strict';
// prettier 2's API: formatting JavaScript, TypeScript, CSS, Markdown, JSON and
// YAML with options, check(), formatWithCursor, and a syntax error's message.
// (Its CLI needs the 'readline' built-in, which coil does not provide yet.)
const prettier = require('prettier');

const js = 'const  x = {a:1,b:[1,2,3],\n  c: "str"}\nfunction f( a,b ){return a+b}\nclass A{ m(){ return `t${x}` } }\n';
console.log(prettier.format(js, { parser: 'babel' }));
console.log(prettier.format(js, { parser: 'babel', semi: false, singleQuote: true, tabWidth: 4, printWidth: 30 }));
console.log(prettier.format('let n: number = 1; interface I { a: string; b?: number }', { parser: 'typescript' }));
console.log(prettier.format('a{color:red;background:blue} @media (max-width:100px){b{margin:0 auto}}', { parser: 'css' }));
console.log(prettier.format('# Title\n* one\n* two\n\nsome   *text*', { parser: 'markdown' }));
console.log(prettier.format('{"a":1,"b":[1,2,{"c":null}]}', { parser: 'json' }));
console.log(prettier.format('a:   1\nb:\n    - x\n    - y\n', { parser: 'yaml' }));
console.log(prettier.check('const x = 1;\n', { parser: 'babel' }), prettier.check('const x=1', { parser: 'babel' }));
console.log(prettier.formatWithCursor('const  a=1', { parser: 'babel', cursorOffset: 7 }));
try { prettier.format('const = ;', { parser: 'babel' }); } catch (e) { console.log(e.name, e.message.split('\n')[0]); }
console.log(prettier.getSupportInfo().languages.length > 10, typeof prettier.version);
