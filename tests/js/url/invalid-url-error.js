// The URL constructor's error is a plain TypeError named without its code (node
// throws it from native code) with own code, input and base; the href setter's
// and url.parse's errors are node's coded ERR_INVALID_URL errors.
const util = require('util');
function show(label, fn) {
  try { fn(); console.log(label, 'did not throw'); } catch (e) {
    console.log(label, '|', e.stack.split('\n')[0], '|', Object.keys(e).join(','),
                e instanceof TypeError, e.name, e.code, e.input, e.base, String(e));
    console.log(util.inspect(e).split('\n').filter((l) => !l.includes(' at ')).join('|'));
  }
}
show('new URL(x)', () => new URL('x'));
show('new URL(/a, nope)', () => new URL('/a', 'nope'));
show('new URL(http://[::1, base)', () => new URL('http://[::1', 'http://a/'));
show('href setter', () => { new URL('http://a').href = 'x'; });
show('url.parse', () => require('url').parse('http://[a b]/'));
