// stdin: hello
// process.openStdin() starts reading stdin; ending stdout (a pipe here) finishes
// it without an error (a pipe has no shutdown(2); node ignores it too).
'use strict';
const stdin = process.openStdin();
console.log('same stream', stdin === process.stdin, stdin.isPaused());
stdin.setEncoding('utf8');
stdin.on('data', (d) => process.stdout.end(`got ${d.trim()}\n`));
process.stdout.on('finish', () => process.stderr.write('stdout finished\n'));
process.stdout.on('error', (e) => process.stderr.write(`unexpected ${e.message}\n`));
