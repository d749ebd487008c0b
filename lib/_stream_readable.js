'use strict';
// _stream_readable: the legacy name of stream.Readable, kept by Node for old packages.

module.exports = require('stream').Readable;
