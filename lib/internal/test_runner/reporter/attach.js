'use strict';
// Connects a TestsStream to the reporters --test-reporter names, each writing to
// its --test-reporter-destination (stdout, stderr or a file). Built-in reporters
// format each event as it happens and write it at once; a reporter module (a
// function of the event stream giving strings, or a Transform) reads the stream.

const { ObjectAssign } = primordials;

function destinationOf(name) {
  if (name === undefined || name === 'stdout') return process.stdout;
  if (name === 'stderr') return process.stderr;
  const fs = require('fs');
  const fd = fs.openSync(name, 'w');
  return { __proto__: null, isTTY: false, write(text) { fs.writeSync(fd, text); }, fd };
}

function builtinFormatter(name, dest) {
  switch (name) {
    case 'tap': return new (require('internal/test_runner/reporter/tap').TapFormatter)();
    case 'spec': {
      const color = dest.isTTY === true && typeof dest.hasColors === 'function' && dest.hasColors();
      return new (require('internal/test_runner/reporter/spec').SpecFormatter)(color);
    }
    case 'dot': return new (require('internal/test_runner/reporter/dot').DotFormatter)();
    case 'internal:events': return new (require('internal/test_runner/reporter/events').EventsFormatter)();
    default: return null;
  }
}

function attachReporter(stream, name, destinationName) {
  const dest = destinationOf(destinationName);
  const formatter = builtinFormatter(name, dest);
  if (formatter !== null) {
    stream.addSink({
      __proto__: null,
      event(type, data) {
        const text = formatter.format({ __proto__: null, type, data });
        if (text !== '') dest.write(text);
      },
      end() {
        const text = formatter.flush();
        if (text !== '') dest.write(text);
      },
    });
    return;
  }
  // A reporter module, found from the current directory.
  const { createRequire } = require('module');
  const path = require('path');
  const loaded = createRequire(path.join(process.cwd(), 'noop.js'))(name);
  const reporter = loaded?.default ?? loaded;
  const { Readable } = require('stream');
  const events = new Readable({ __proto__: null, objectMode: true, read() {} });
  stream.addSink({
    __proto__: null,
    event(type, data) { events.push(ObjectAssign({ __proto__: null }, { type, data })); },
    end() { events.push(null); },
  });
  let output;
  if (typeof reporter === 'function' && reporter.prototype?._transform !== undefined) {
    output = events.pipe(new reporter());
  } else if (typeof reporter === 'function') {
    output = Readable.from(reporter(events));
  } else {
    output = events.pipe(reporter);
  }
  output.on('data', (chunk) => dest.write(chunk));
}

module.exports = { attachReporter };
