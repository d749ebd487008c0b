'use strict';
// buffer.File (also a global in Node 20): a Blob with a name and a lastModified
// time. No internalBinding.

const {
  DateNow, NumberIsNaN, ObjectDefineProperty, SafeArrayIterator, SymbolFor, SymbolToStringTag,
} = primordials;

const { codes: { ERR_MISSING_ARGS, ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { Blob } = require('internal/buffer/blob');

const customInspect = SymbolFor('nodejs.util.inspect.custom');

class File extends Blob {
  #name;
  #lastModified;

  constructor(fileBits, fileName, options = {}) {
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('fileBits', 'fileName');
    // A dictionary argument: null and undefined mean {}, primitives are refused.
    if (options === null) options = {};
    else if (typeof options !== 'object' && typeof options !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options', 'a dictionary', options);
    }
    super(fileBits, options);
    this.#name = `${fileName}`;
    // Read once: a getter on the options object runs a single time, as in Node.
    let lastModified = options.lastModified;
    if (lastModified === undefined) {
      lastModified = DateNow();
    } else {
      lastModified = +lastModified;
      if (NumberIsNaN(lastModified)) lastModified = 0;
    }
    this.#lastModified = lastModified;
  }

  get name() { return this.#name; }
  get lastModified() { return this.#lastModified; }

  [customInspect](depth, options) {
    if (depth < 0) return '[File]';
    const { inspect } = require('internal/util/inspect');
    const shown = { size: this.size, type: this.type, name: this.#name, lastModified: this.#lastModified };
    return `File ${inspect(shown, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

ObjectDefineProperty(File.prototype, SymbolToStringTag, { __proto__: null, value: 'File', configurable: true });
// WebIDL attributes are enumerable.
for (const name of new SafeArrayIterator(['name', 'lastModified'])) {
  ObjectDefineProperty(File.prototype, name, { __proto__: null, enumerable: true });
}

module.exports = { File };
