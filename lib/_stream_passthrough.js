'use strict';
// _stream_passthrough: the legacy name of stream.PassThrough, kept by Node for old packages.

module.exports = require('stream').PassThrough;
