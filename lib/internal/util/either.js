'use strict';
// Methods that strings and arrays share (slice, indexOf, lastIndexOf, includes,
// concat), called through the primordial of whichever the receiver is: lib/ code
// that handles both stays out of reach of a user's patch of either prototype.
// Anything else (a Buffer, a typed array, a Blob, a user object) gets its own method
// called with the same arguments, as before. No internalBinding.

const {
  ArrayIsArray, ArrayPrototypeConcat, ArrayPrototypeIncludes, ArrayPrototypeIndexOf,
  ArrayPrototypeLastIndexOf, ArrayPrototypeSlice, ReflectApply,
  StringPrototypeIncludes, StringPrototypeIndexOf, StringPrototypeLastIndexOf,
  StringPrototypeSlice,
} = primordials;

function sliceOf(self, start, end) {
  if (typeof self === 'string') return StringPrototypeSlice(self, start, end);
  if (ArrayIsArray(self)) return ArrayPrototypeSlice(self, start, end);
  return ReflectApply(self.slice, self, ArrayPrototypeSlice(arguments, 1));
}

function indexOfIn(self, value, from) {
  if (typeof self === 'string') return StringPrototypeIndexOf(self, value, from);
  if (ArrayIsArray(self)) return ArrayPrototypeIndexOf(self, value, from);
  return ReflectApply(self.indexOf, self, ArrayPrototypeSlice(arguments, 1));
}

// An explicit undefined `from` is not the same as none here (arrays search from 0).
function lastIndexOfIn(self, value, from) {
  if (arguments.length < 3) {
    if (typeof self === 'string') return StringPrototypeLastIndexOf(self, value);
    if (ArrayIsArray(self)) return ArrayPrototypeLastIndexOf(self, value);
    return ReflectApply(self.lastIndexOf, self, ArrayPrototypeSlice(arguments, 1));
  }
  if (typeof self === 'string') return StringPrototypeLastIndexOf(self, value, from);
  if (ArrayIsArray(self)) return ArrayPrototypeLastIndexOf(self, value, from);
  return ReflectApply(self.lastIndexOf, self, ArrayPrototypeSlice(arguments, 1));
}

function includesIn(self, value, from) {
  if (typeof self === 'string') return StringPrototypeIncludes(self, value, from);
  if (ArrayIsArray(self)) return ArrayPrototypeIncludes(self, value, from);
  return ReflectApply(self.includes, self, ArrayPrototypeSlice(arguments, 1));
}

function concatOf(self, ...items) {
  if (typeof self === 'string') {
    for (let i = 0; i < items.length; i++) self += `${items[i]}`;
    return self;
  }
  if (ArrayIsArray(self)) {
    const args = [self];
    for (let i = 0; i < items.length; i++) args[i + 1] = items[i];
    return ReflectApply(ArrayPrototypeConcat, undefined, args);
  }
  return ReflectApply(self.concat, self, items);
}

module.exports = { sliceOf, indexOfIn, lastIndexOfIn, includesIn, concatOf };
