'use strict';
// TestsStream: the runner's events as an object-mode Readable of { type, data }
// (what reporters read) that also emits each one as a named event ('test:pass',
// 'test:fail', ...) the moment it happens, as run()'s result does in node.

const { ArrayPrototypePush, ArrayPrototypeShift, ObjectAssign } = primordials;
const { Readable } = require('stream');

function located(loc, data) {
  if (loc) {
    data.file = loc.file;
    data.line = loc.line;
    data.column = loc.column;
  }
  return data;
}

class TestsStream extends Readable {
  // `readable` false: nobody reads the stream side (the process's own tests), so
  // events go to the sinks only and are not kept.
  constructor(readable = true) {
    super({ __proto__: null, objectMode: true });
    this.buffered = [];
    this.canPush = true;
    this.readableSide = readable;
    this.sinks = [];
  }

  // A synchronous consumer (a built-in reporter): sink.event(type, data), sink.end().
  addSink(sink) { ArrayPrototypePush(this.sinks, sink); }

  _read() {
    this.canPush = true;
    while (this.buffered.length > 0) {
      const item = ArrayPrototypeShift(this.buffered);
      if (item === null) { this.push(null); return; }
      if (!this.push(item)) { this.canPush = false; return; }
    }
  }

  emitMessage(type, data) {
    this.emit(type, data);
    for (let i = 0; i < this.sinks.length; i++) this.sinks[i].event(type, data);
    if (!this.readableSide) return;
    const item = { __proto__: null, type, data };
    if (this.canPush && this.buffered.length === 0) {
      if (!this.push(item)) this.canPush = false;
    } else {
      ArrayPrototypePush(this.buffered, item);
    }
  }

  start(nesting, loc, name) {
    this.emitMessage('test:start', located(loc, { __proto__: null, nesting, name }));
  }

  enqueue(nesting, loc, name) {
    this.emitMessage('test:enqueue', located(loc, { __proto__: null, nesting, name }));
  }

  dequeue(nesting, loc, name) {
    this.emitMessage('test:dequeue', located(loc, { __proto__: null, nesting, name }));
  }

  plan(nesting, loc, count) {
    this.emitMessage('test:plan', located(loc, { __proto__: null, nesting, count }));
  }

  ok(nesting, loc, testNumber, name, details, directive) {
    this.emitMessage('test:pass', ObjectAssign(located(loc, { __proto__: null, name, nesting, testNumber, details }), directive));
  }

  fail(nesting, loc, testNumber, name, details, directive) {
    this.emitMessage('test:fail', ObjectAssign(located(loc, { __proto__: null, name, nesting, testNumber, details }), directive));
  }

  diagnostic(nesting, loc, message) {
    this.emitMessage('test:diagnostic', located(loc, { __proto__: null, nesting, message }));
  }

  stdout(file, message) { this.emitMessage('test:stdout', { __proto__: null, file, message }); }
  stderr(file, message) { this.emitMessage('test:stderr', { __proto__: null, file, message }); }

  end() {
    for (let i = 0; i < this.sinks.length; i++) this.sinks[i].end();
    if (!this.readableSide) { this.push(null); return; }
    if (this.canPush && this.buffered.length === 0) this.push(null);
    else ArrayPrototypePush(this.buffered, null);
  }
}

module.exports = { TestsStream };
