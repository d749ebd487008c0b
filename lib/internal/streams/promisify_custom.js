'use strict';
// util.promisify.custom, shared so stream.pipeline/finished promisify to the
// promise versions.
module.exports = Symbol.for('nodejs.util.promisify.custom');
