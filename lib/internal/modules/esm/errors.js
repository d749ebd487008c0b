'use strict';
// The error codes only the ES module loader throws, registered in the shared
// table of internal/errors (so `codes` holds them once this file has loaded).

const { Error, TypeError } = primordials;
const { E, codes } = require('internal/errors');

E('ERR_EVAL_ESM_CANNOT_PRINT', '--print cannot be used with ESM input', Error);
E('ERR_IMPORT_ASSERTION_TYPE_FAILED', 'Module "%s" is not of type "%s"', TypeError);
E('ERR_IMPORT_ASSERTION_TYPE_MISSING', 'Module "%s" needs an import attribute of type "%s"', TypeError);
E('ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED', 'Import attribute type "%s" is unsupported', TypeError);
E('ERR_UNSUPPORTED_ESM_URL_SCHEME', (url, schemes) =>
  `Only URLs with a scheme in: ${schemes} are supported by the default ESM loader. ` +
  `Received protocol '${url.protocol}'`, Error);
E('ERR_REQUIRE_ASYNC_MODULE', (filename, parentFilename) =>
  'require() cannot be used on an ESM graph with top-level await. Use import() instead. ' +
  'To see where the top-level await comes from, use --experimental-print-required-tla.' +
  (parentFilename ? `\n  From ${parentFilename} ` : '') +
  (filename ? `\n  Requiring ${filename} ` : ''), Error);
E('ERR_REQUIRE_CYCLE_MODULE', 'Cannot require() ES Module %s in a cycle.', Error);

module.exports = codes;
