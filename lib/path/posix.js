'use strict';
// path/posix: the POSIX path functions (the same object as require('path').posix).

module.exports = require('path').posix;
