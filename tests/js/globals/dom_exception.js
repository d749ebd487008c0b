// DOMException: names, codes, legacy constants, options object, brand checks.
const e = new DOMException('boom', 'AbortError');
console.log(e.name, e.message, e.code, e instanceof Error, e instanceof DOMException);
console.log(Object.prototype.toString.call(e), Object.keys(e), Object.getOwnPropertyNames(e));
console.log(String(e), e.stack.split('\n')[0]);
const c = new DOMException('x', { name: 'DataCloneError', cause: 1 });
console.log(c.name, c.code, c.cause, Object.getOwnPropertyNames(c));
const d = new DOMException();
console.log(d.name, JSON.stringify(d.message), d.code);
console.log(new DOMException("a", "Foo").code, typeof new DOMException("a", {}).name);
console.log(DOMException.DATA_CLONE_ERR, e.ABORT_ERR, DOMException.INDEX_SIZE_ERR, DOMException.VALIDATION_ERR);
for (const n of ['IndexSizeError', 'InvalidCharacterError', 'NotFoundError', 'SyntaxError',
  'NetworkError', 'TimeoutError', 'QuotaExceededError', 'InvalidStateError', 'EncodingError']) {
  console.log(n, new DOMException('', n).code);
}
try { DOMException.prototype.name; } catch (x) { console.log(x.name, x.code, x.message); }
try { DOMException(); } catch (x) { console.log(x.name); }
const desc = Object.getOwnPropertyDescriptor(DOMException.prototype, 'code');
console.log(typeof desc.get, desc.set, desc.enumerable, desc.configurable, DOMException.length);
console.log(Object.getOwnPropertyDescriptor(DOMException, 'TIMEOUT_ERR'));
console.log(new DOMException(123, 'TimeoutError').message, typeof new DOMException(123).message);
