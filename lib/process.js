'use strict';
// process: the global process object, as a module (require('process') === process).

module.exports = process;
