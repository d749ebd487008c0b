'use strict';
// The deprecated `constants` module: os.constants (dlopen, errno, priority,
// signals) and fs.constants flattened into one frozen object, in Node's order.
// graceful-fs and other older packages still read their O_* flags from here.
// Node adds crypto.constants last; coil has no crypto module yet.

const {
  ObjectFreeze,
} = primordials;

const { constants: os } = require('os');
const { constants: fs } = require('internal/fs/utils');

module.exports = ObjectFreeze({
  ...os.dlopen, ...os.errno, ...os.priority, ...os.signals, ...fs,
});
