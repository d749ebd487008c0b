'use strict';
// util.promisify.custom, shared so stream.pipeline/finished promisify to the
// promise versions.

const {
  SymbolFor,
} = primordials;
module.exports = SymbolFor('nodejs.util.promisify.custom');
