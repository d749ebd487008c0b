// exit: 1
// An unhandled rejection is fatal (Node >= 15): the error is printed and the
// process exits 1 after 'exit'. Handled rejections are not.
process.on('exit', (code) => console.log('exit', code));
Promise.reject(new Error('handled')).catch(() => console.log('handled ok'));
async function fail() { throw new Error('async boom'); }
fail();
