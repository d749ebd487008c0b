'use strict';
// inspector/promises: absent like lib/inspector.js (coil has no inspector), so
// requiring it throws ERR_INSPECTOR_NOT_AVAILABLE as a Node built without one does.

const { codes: { ERR_INSPECTOR_NOT_AVAILABLE } } = require('internal/errors');

throw new ERR_INSPECTOR_NOT_AVAILABLE();
