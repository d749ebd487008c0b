'use strict';
// url: the WHATWG URL API (URL, URLSearchParams, file-URL helpers,
// domainToASCII/Unicode) and the legacy url.parse/format/resolve API.
// internalBinding: none.

const {
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  fileURLToPath,
  pathToFileURL,
  urlToHttpOptions,
} = require('internal/url');
const legacy = require('internal/url/legacy');

module.exports = {
  Url: legacy.Url,
  parse: legacy.urlParse,
  resolve: legacy.urlResolve,
  resolveObject: legacy.urlResolveObject,
  format: legacy.urlFormat,
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  pathToFileURL,
  fileURLToPath,
  urlToHttpOptions,
};
