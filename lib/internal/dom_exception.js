'use strict';
// DOMException as WebIDL defines it: new DOMException(message = '', options = 'Error')
// where options is a name or { name, cause }. name, message and code are prototype
// getters (instances own only `stack`, and `cause` when given); code comes from the
// legacy name table, 0 for names outside it. The legacy *_ERR constants sit on both
// the constructor and the prototype. Its prototype chain reaches Error.prototype so
// `instanceof Error` holds.
// internalBinding: none.

const {
  ObjectDefineProperty, ObjectSetPrototypeOf, SafeArrayIterator, SafeMap, SafeWeakMap,
  SymbolToStringTag,
} = primordials;

const kLegacyCodes = [
  ['INDEX_SIZE_ERR', 'IndexSizeError'],
  ['DOMSTRING_SIZE_ERR', null],
  ['HIERARCHY_REQUEST_ERR', 'HierarchyRequestError'],
  ['WRONG_DOCUMENT_ERR', 'WrongDocumentError'],
  ['INVALID_CHARACTER_ERR', 'InvalidCharacterError'],
  ['NO_DATA_ALLOWED_ERR', null],
  ['NO_MODIFICATION_ALLOWED_ERR', 'NoModificationAllowedError'],
  ['NOT_FOUND_ERR', 'NotFoundError'],
  ['NOT_SUPPORTED_ERR', 'NotSupportedError'],
  ['INUSE_ATTRIBUTE_ERR', 'InUseAttributeError'],
  ['INVALID_STATE_ERR', 'InvalidStateError'],
  ['SYNTAX_ERR', 'SyntaxError'],
  ['INVALID_MODIFICATION_ERR', 'InvalidModificationError'],
  ['NAMESPACE_ERR', 'NamespaceError'],
  ['INVALID_ACCESS_ERR', 'InvalidAccessError'],
  ['VALIDATION_ERR', null],
  ['TYPE_MISMATCH_ERR', 'TypeMismatchError'],
  ['SECURITY_ERR', 'SecurityError'],
  ['NETWORK_ERR', 'NetworkError'],
  ['ABORT_ERR', 'AbortError'],
  ['URL_MISMATCH_ERR', 'URLMismatchError'],
  ['QUOTA_EXCEEDED_ERR', 'QuotaExceededError'],
  ['TIMEOUT_ERR', 'TimeoutError'],
  ['INVALID_NODE_TYPE_ERR', 'InvalidNodeTypeError'],
  ['DATA_CLONE_ERR', 'DataCloneError'],
];

const codeByName = new SafeMap();
kLegacyCodes.forEach(([, name], i) => { if (name !== null) codeByName.set(name, i + 1); });

// Internal state lives in a WeakMap so instances have no extra own properties and
// the getters can tell a real DOMException from an impostor.
const state = new SafeWeakMap();

function internals(self) {
  const s = state.get(self);
  if (s === undefined) {
    const err = new TypeError('Value of "this" must be of DOMException');
    err.code = 'ERR_INVALID_THIS';
    throw err;
  }
  return s;
}

class DOMException {
  constructor(message = '', options = 'Error') {
    const isBag = options !== null && typeof options === 'object';
    // An options bag without a name gives the name "undefined", as in Node.
    const name = isBag ? `${options.name}` : `${options}`;
    state.set(this, { message: `${message}`, name });
    // After the state exists: the stack's first line reads name and message.
    Error.captureStackTrace(this);
    if (isBag && 'cause' in options) {
      ObjectDefineProperty(this, 'cause', {
        __proto__: null,
        value: options.cause, writable: true, enumerable: false, configurable: true,
      });
    }
  }

  get name() { return internals(this).name; }
  get message() { return internals(this).message; }
  get code() { return codeByName.get(internals(this).name) || 0; }
}

ObjectSetPrototypeOf(DOMException.prototype, Error.prototype);
for (const key of new SafeArrayIterator(['name', 'message', 'code'])) {
  ObjectDefineProperty(DOMException.prototype, key, { __proto__: null, enumerable: true });
}
ObjectDefineProperty(DOMException.prototype, SymbolToStringTag, {
  __proto__: null,
  value: 'DOMException', configurable: true, writable: false, enumerable: false,
});
kLegacyCodes.forEach(([constant], i) => {
  const desc = { __proto__: null, value: i + 1, writable: false, enumerable: true, configurable: false };
  ObjectDefineProperty(DOMException, constant, desc);
  ObjectDefineProperty(DOMException.prototype, constant, desc);
});

module.exports = { DOMException };
