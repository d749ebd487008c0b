'use strict';
// run(): files in subprocesses, events on the returned stream (test:pass,
// test:fail with the file, line and column), a timeout that stops a file, and
// the stream composed with a built-in reporter.
const { run } = require('node:test');
const { tap } = require('node:test/reporters');
const path = require('path');

const dir = path.join(__dirname, 'fixtures', 'tree', 'lib');
const events = [];
const stream = run({ files: [path.join(dir, 'math.test.js'), path.join(dir, 'test-names.js')] });
stream.on('test:pass', (d) => events.push(`pass ${d.name} nesting ${d.nesting} line ${d.line}`));
stream.on('test:fail', (d) => events.push(`fail ${d.name} ${d.details.error.failureType} ${d.details.error.cause.code}`));
stream.on('test:stdout', (d) => events.push(`stdout ${path.basename(d.file)} ${JSON.stringify(d.message)}`));
stream.on('end', () => {
  console.log(events.sort().join('\n'));
  const never = path.join(__dirname, 'fixtures', 'never-ends.js');
  run({ files: [never], timeout: 200 }).on('test:fail', (d) => {
    console.log(d.name === never, d.details.error.failureType, d.details.error.message, d.line, d.column, d.file === never);
  }).on('end', () => {
    let text = '';
    run({ files: [path.join(dir, 'util_test.cjs')] }).compose(tap).on('data', (c) => { text += c; }).on('end', () => {
      console.log(text.split('\n').filter((l) => !/duration_ms/.test(l)).join('\n'));
    });
  });
});
