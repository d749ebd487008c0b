'use strict';
// OutgoingMessage's old underscore views of its header table (DEP0066), which
// node still has: _headers is the getHeaders() object, _headerNames maps each
// lower-case name to its raw one. Each warns once, on first use. And
// _renderHeaders(), the fields as { raw name: value } (unused by coil itself).

const { ObjectDefineProperty, ObjectKeys, StringPrototypeToLowerCase } = primordials;
const { deprecate } = require('internal/util/promisify');
const { codes: { ERR_HTTP_HEADERS_SENT } } = require('internal/errors');

function getter(proto, name, get, set) {
  ObjectDefineProperty(proto, name, {
    __proto__: null, configurable: true, enumerable: true, get, set,
  });
}

function installLegacyHeaderViews(proto, kOutHeaders) {
  function headersFromObject(msg, obj) {
    if (obj === null || obj === undefined) {
      msg[kOutHeaders] = null;
      return;
    }
    if (typeof obj !== 'object') return;
    const headers = msg[kOutHeaders] = { __proto__: null };
    const keys = ObjectKeys(obj);
    for (let i = 0; i < keys.length; i++) {
      const name = keys[i];
      const lower = StringPrototypeToLowerCase(name);
      headers[lower] = [name, obj[name]];
    }
  }
  getter(proto, '_headers', deprecate(function() { return this.getHeaders(); },
                               'OutgoingMessage.prototype._headers is deprecated', 'DEP0066'),
  deprecate(function(v) { headersFromObject(this, v); },
            'OutgoingMessage.prototype._headers is deprecated', 'DEP0066'));
  getter(proto, '_headerNames', deprecate(function() {
    const headers = this[kOutHeaders];
    if (headers === null) return null;
    const out = { __proto__: null };
    const keys = ObjectKeys(headers);
    for (let i = 0; i < keys.length; i++) out[keys[i]] = headers[keys[i]][0];
    return out;
  }, 'OutgoingMessage.prototype._headerNames is deprecated', 'DEP0066'),
  deprecate(function(v) {
    // Renames the fields already set; a name absent from the table is ignored.
    const headers = this[kOutHeaders];
    if (v === null || v === undefined || typeof v !== 'object' || headers === null) return;
    const keys = ObjectKeys(v);
    for (let i = 0; i < keys.length; i++) {
      const entry = headers[keys[i]];
      if (entry !== undefined) entry[0] = v[keys[i]];
    }
  }, 'OutgoingMessage.prototype._headerNames is deprecated', 'DEP0066'));
  proto._renderHeaders = function _renderHeaders() {
    if (this._header) throw new ERR_HTTP_HEADERS_SENT('render');
    const headers = this[kOutHeaders];
    const out = {};
    if (headers === null) return out;
    const keys = ObjectKeys(headers);
    for (let i = 0; i < keys.length; i++) {
      const entry = headers[keys[i]];
      out[entry[0]] = entry[1];
    }
    return out;
  };
}

module.exports = { installLegacyHeaderViews };
