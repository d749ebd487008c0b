'use strict';
// _stream_writable: the legacy name of stream.Writable, kept by Node for old packages.

module.exports = require('stream').Writable;
