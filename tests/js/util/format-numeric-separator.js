// util.format's %d %i %f %s follow inspect.defaultOptions.numericSeparator (and the
// options of formatWithOptions), as util.inspect does.
'use strict';
const util = require('util');
const show = () => console.log([
  util.format('%d %i %f %s', 1234567.891, 1234567.891, 1234567.891, 1234567),
  util.format('%d %s %i', 12345678901234567890n, 12345678901234567890n, 12345678901234567890n),
  util.format('%d', 1180591620717411303424),
  util.format('%d %i', -1234, 0.5),
  util.formatWithOptions({ numericSeparator: false }, '%d', 123456),
  util.formatWithOptions({ numericSeparator: true }, '%d %i', 123456, 7654321n),
].join(' | '));
show();
util.inspect.defaultOptions.numericSeparator = true;
show();
util.inspect.defaultOptions.numericSeparator = false;
show();
