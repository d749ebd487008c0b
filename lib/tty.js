'use strict';
// tty: isatty, and the stream classes by name. process.stdout/stderr on a terminal
// are tty.WriteStream instances (lib/internal/process/stdio.js).
// Bindings: process_methods.isatty.

const {
  NumberIsInteger,
} = primordials;

const { isatty: isattyNative } = internalBinding('process_methods');

function isatty(fd) {
  return NumberIsInteger(fd) && fd >= 0 && fd <= 2147483647 && isattyNative(fd);
}

const { TTYWriteStream: WriteStream } = require('internal/process/stdio');

function ReadStream(fd) {
  const stream = require('internal/process/stdio').createStdin();
  stream.fd = fd;
  stream.isTTY = true;
  stream.setRawMode = function setRawMode() { return this; };
  return stream;
}

module.exports = { isatty, WriteStream, ReadStream };
