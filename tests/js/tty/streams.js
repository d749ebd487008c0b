// tty without a terminal (the harness runs us on pipes): isatty says no, the
// stream classes refuse bad fds with node's errors and files with
// ERR_TTY_INIT_FAILED, and accept a pipe (as libuv's uv_tty_init does); both
// classes are net.Sockets.
'use strict';
const tty = require('tty');
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');

console.log('isatty', tty.isatty(0), tty.isatty(1), tty.isatty(-1), tty.isatty(1.5), tty.isatty('1'));
console.log('classes', tty.WriteStream.prototype instanceof net.Socket,
  tty.ReadStream.prototype instanceof net.Socket, tty.WriteStream.prototype.isTTY);

for (const Class of [tty.WriteStream, tty.ReadStream]) {
  try {
    new Class(-1);
  } catch (e) {
    console.log(Class.name, e.code, e.name, e.message);
  }
}

const file = path.join(os.tmpdir(), `coil-tty-${process.pid}`);
fs.writeFileSync(file, 'x');
const fd = fs.openSync(file, 'r');
try {
  new tty.WriteStream(fd);
} catch (e) {
  console.log(e.code, e.name, e.message);
  console.log(e.info.code, e.info.errno, e.info.syscall, e.errno, e.syscall);
}
fs.closeSync(fd);
fs.unlinkSync(file);

// The colour helpers on a stream that is not a terminal use the environment.
const ws = new tty.WriteStream(1);
console.log('colors', ws.getColorDepth({ TERM: 'xterm-256color' }), ws.getColorDepth({ NO_COLOR: '1' }),
  ws.hasColors(256, { TERM: 'xterm-256color' }), ws.hasColors({ COLORTERM: 'truecolor' }));
