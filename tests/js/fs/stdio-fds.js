// stdin: first line\nsecond line
// fs on the standard fds: readFileSync(0) reads a piped stdin to its end, fs.read
// on fd 0 after that sees EOF, and writes to fd 1 interleave with console.log in
// call order.
const fs = require('fs');

console.log('stdin is a FIFO', fs.fstatSync(0).isFIFO());
const data = fs.readFileSync(0, 'utf8');
console.log('stdin', JSON.stringify(data));
fs.writeSync(1, 'direct write\n');
console.log('after direct write');
fs.read(0, Buffer.alloc(10), 0, 10, null, (err, n) => {
  console.log('read at EOF', err, n);
  fs.write(1, 'async write\n', (err, n) => {
    console.log('written', err, n);
    fs.writeSync(1, Buffer.from('buffer write\n'));
  });
});
