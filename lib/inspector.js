'use strict';
// inspector: coil has no inspector (no V8 Inspector session, no DevTools protocol
// server), so this module is what a Node built without one (./configure
// --without-inspector) gives: requiring it throws ERR_INSPECTOR_NOT_AVAILABLE, and
// process.features.inspector is false. lib/inspector/promises.js does the same.

const { codes: { ERR_INSPECTOR_NOT_AVAILABLE } } = require('internal/errors');

throw new ERR_INSPECTOR_NOT_AVAILABLE();
