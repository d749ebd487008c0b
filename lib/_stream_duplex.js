'use strict';
// _stream_duplex: the legacy name of stream.Duplex, kept by Node for old packages.

module.exports = require('stream').Duplex;
