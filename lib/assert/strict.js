'use strict';
// 'assert/strict': the strict-mode assert function.
module.exports = require('assert').strict;
