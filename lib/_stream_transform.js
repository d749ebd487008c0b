'use strict';
// _stream_transform: the legacy name of stream.Transform, kept by Node for old packages.

module.exports = require('stream').Transform;
