// process.exitCode and process.exit(code) take integers (or strings of one) only;
// process.umask takes a number or an octal string.
'use strict';
for (const value of ['abc', '1', 1.5, null, true, '', undefined, 2]) {
  try {
    process.exitCode = value;
    console.log('accepted', JSON.stringify(value), process.exitCode);
  } catch (e) {
    console.log(e.code, e.message);
  }
}
try {
  process.exit('abc');
} catch (e) {
  console.log('exit:', e.code);
}
const old = process.umask('0027');
console.log('umask', process.umask(old).toString(8));
for (const mask of ['123x', 'abc', '999', {}, -1]) {
  try {
    process.umask(mask);
  } catch (e) {
    console.log(e.code);
  }
}
process.exitCode = '0';
