'use strict';
// sys: the old name of util (deprecated since Node 1; DEP0025 warns on load).

module.exports = require('util');
process.emitWarning('sys is deprecated. Use util instead.', 'DeprecationWarning', 'DEP0025');
