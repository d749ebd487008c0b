'use strict';
// --enable-source-maps: error.stack is formatted here (V8's PrepareStackTrace
// callback), with every frame of a file that ends in a `//# sourceMappingURL=`
// comment (an inline data: URL or a .map file) shown at its original source
// position. A user's Error.prepareStackTrace still wins, as in node.
// Bindings: errors.setPrepareStackTraceCallback.

const {
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  ErrorPrototypeToString,
  JSONParse,
  RegExpPrototypeExec,
  SafeMap,
  StringPrototypeIndexOf,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
  StringPrototypeRepeat,
  StringPrototypeSplit,
} = primordials;

const { SourceMap } = require('internal/source_map/source_map');

// filename -> SourceMap | null (looked at once).
const cache = new SafeMap();

function readSourceMap(filename) {
  const fs = require('fs');
  const path = require('path');
  let source;
  try {
    source = fs.readFileSync(filename, 'utf8');
  } catch {
    return null;
  }
  const at = StringPrototypeLastIndexOf(source, 'sourceMappingURL=');
  if (at === -1) return null;
  const match = RegExpPrototypeExec(/^sourceMappingURL=([^\s'"]+)/, StringPrototypeSlice(source, at));
  if (match === null) return null;
  const url = match[1];
  let text;
  let base = path.dirname(filename);
  try {
    if (StringPrototypeStartsWith(url, 'data:')) {
      const comma = StringPrototypeIndexOf(url, ',');
      const header = StringPrototypeSlice(url, 0, comma);
      const data = StringPrototypeSlice(url, comma + 1);
      text = StringPrototypeIndexOf(header, ';base64') !== -1 ?
        require('buffer').Buffer.from(data, 'base64').toString('utf8') : decodeURIComponent(data);
    } else {
      const mapPath = StringPrototypeStartsWith(url, 'file:') ?
        require('url').fileURLToPath(url) : path.resolve(base, decodeURIComponent(url));
      text = fs.readFileSync(mapPath, 'utf8');
      base = path.dirname(mapPath);
    }
    const payload = JSONParse(text);
    const root = typeof payload.sourceRoot === 'string' ? payload.sourceRoot : '';
    const sources = [];
    const list = payload.sources || [];
    for (let i = 0; i < list.length; i++) {
      const s = `${list[i]}`;
      ArrayPrototypePush(sources, StringPrototypeStartsWith(s, 'file:') ?
        require('url').fileURLToPath(s) : path.resolve(base, root, s));
    }
    return new SourceMap(payload, sources);
  } catch {
    return null;
  }
}

function findSourceMap(filename) {
  let map = cache.get(filename);
  if (map === undefined) {
    map = typeof filename === 'string' && filename[0] === '/' ? readSourceMap(filename) : null;
    cache.set(filename, map);
  }
  return map;
}

// One frame, as V8 would print it, with the generated position replaced.
function formatFrame(site) {
  const text = `${site}`;
  const filename = site.getFileName();
  const line = site.getLineNumber();
  const column = site.getColumnNumber();
  if (!filename || !line || !column) return text;
  const map = findSourceMap(filename);
  if (map === null) return text;
  const entry = map.findEntry(line - 1, column - 1);
  if (entry === undefined || entry.originalSource === undefined) return text;
  const from = `${filename}:${line}:${column}`;
  const to = `${entry.originalSource}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  const at = StringPrototypeIndexOf(text, from);
  if (at === -1) return text;
  return StringPrototypeSlice(text, 0, at) + to + StringPrototypeSlice(text, at + from.length);
}

function prepareStackTrace(error, sites) {
  const user = globalThis.Error.prepareStackTrace;
  if (typeof user === 'function') return user(error, sites);
  let header;
  try {
    header = ErrorPrototypeToString(error);
  } catch {
    header = '<error>';
  }
  const lines = [header];
  for (let i = 0; i < sites.length; i++) {
    ArrayPrototypePush(lines, `    at ${formatFrame(sites[i])}`);
  }
  return ArrayPrototypeJoin(lines, '\n');
}

// The "file:line / source line / caret" text of a fatal error, moved to the
// original source when the file has a source map; unchanged otherwise.
function mapArrow(arrow) {
  if (!enabled) return arrow;
  const match = RegExpPrototypeExec(/^(.*):(\d+)\n(.*)\n( *)\^/, arrow);
  if (match === null) return arrow;
  const map = findSourceMap(match[1]);
  if (map === null) return arrow;
  const entry = map.findEntry(+match[2] - 1, match[4].length);
  if (entry === undefined || entry.originalSource === undefined) return arrow;
  let text;
  const { sources, sourcesContent } = map.payload;
  for (let i = 0; sourcesContent && sources && i < sources.length; i++) {
    if (typeof sourcesContent[i] === 'string' && map.sourceAt(i) === entry.originalSource) {
      text = sourcesContent[i];
    }
  }
  if (text === undefined) {
    try {
      text = require('fs').readFileSync(entry.originalSource, 'utf8');
    } catch {
      return arrow;
    }
  }
  const line = StringPrototypeSplit(text, '\n')[entry.originalLine];
  if (line === undefined) return arrow;
  return `${entry.originalSource}:${entry.originalLine + 1}\n${line}\n` +
    `${StringPrototypeRepeat(' ', entry.originalColumn)}^\n`;
}

let enabled = false;
function setSourceMapsEnabled(value) {
  if (value && !enabled) {
    internalBinding('errors').setPrepareStackTraceCallback(prepareStackTrace);
    enabled = true;
  }
}

module.exports = { setSourceMapsEnabled, findSourceMap, prepareStackTrace, mapArrow };
