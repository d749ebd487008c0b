'use strict';
// The TAP reporter (TAP version 13, as node writes it): '# Subtest:' lines, 'ok' /
// 'not ok' with a YAML block of details (duration, and for a failure the location,
// failureType, error, code, assertion fields and stack), nested tests indented by
// four spaces, plans, and diagnostics as '#' comments.

const {
  ArrayIsArray, ArrayPrototypeJoin, ObjectKeys, RegExpPrototypeSymbolReplace, StringPrototypeIncludes,
  StringPrototypeRepeat, StringPrototypeReplaceAll, StringPrototypeSplit, StringPrototypeStartsWith,
  StringPrototypeTrim,
} = primordials;

function indentOf(nesting) { return StringPrototypeRepeat('    ', nesting); }

function escapeName(name) {
  let s = StringPrototypeReplaceAll(`${name}`, '\\', '\\\\');
  s = StringPrototypeReplaceAll(s, '#', '\\#');
  s = StringPrototypeReplaceAll(s, '\n', '\\n');
  return s;
}

function directiveOf(data) {
  if (data.skip !== undefined) return ` # SKIP${typeof data.skip === 'string' && data.skip !== '' ? ` ${escapeName(data.skip)}` : ''}`;
  if (data.todo !== undefined) return ` # TODO${typeof data.todo === 'string' && data.todo !== '' ? ` ${escapeName(data.todo)}` : ''}`;
  return '';
}

function quote(text) { return `'${StringPrototypeReplaceAll(text, "'", "''")}'`; }

// One `key: value` line (or block) of the YAML details.
function yamlValue(key, value, indent) {
  if (value === null || value === undefined) return `${indent}${key}: ${value === null ? '~' : '~'}\n`;
  if (typeof value === 'string') {
    if (StringPrototypeIncludes(value, '\n')) {
      const lines = StringPrototypeSplit(value, '\n');
      let out = `${indent}${key}: |-\n`;
      for (let i = 0; i < lines.length; i++) out += `${indent}  ${lines[i]}\n`;
      return out;
    }
    return `${indent}${key}: ${quote(value)}\n`;
  }
  if (typeof value === 'object') {
    if (typeof value.message === 'string' && typeof value.stack === 'string') {
      return yamlValue(key, `${value}`, indent);
    }
    const keys = ObjectKeys(value);
    if (keys.length === 0) return `${indent}${key}: ${ArrayIsArray(value) ? '[]' : '{}'}\n`;
    let out = `${indent}${key}:\n`;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      out += ArrayIsArray(value) ? RegExpPrototypeSymbolReplace(/^(\s*)-: /, yamlValue('-', value[k], `${indent}  `), '$1- ') :
        yamlValue(k, value[k], `${indent}  `);
    }
    return out;
  }
  if (typeof value === 'bigint') return `${indent}${key}: ${value}n\n`;
  return `${indent}${key}: ${value}\n`;
}

function stackLines(stack) {
  const lines = StringPrototypeSplit(stack, '\n');
  const frames = [];
  for (let i = 0; i < lines.length; i++) {
    const line = StringPrototypeTrim(lines[i]);
    if (StringPrototypeStartsWith(line, 'at ')) frames[frames.length] = RegExpPrototypeSymbolReplace(/^at /, line, '');
  }
  return frames;
}

function errorYaml(error, indent) {
  let out = '';
  const cause = error?.code === 'ERR_TEST_FAILURE' ? error.cause : error;
  const failureType = error?.failureType;
  if (failureType !== undefined) out += yamlValue('failureType', failureType, indent);
  if (error?.exitCode !== undefined) {
    out += yamlValue('exitCode', error.exitCode, indent);
    out += yamlValue('signal', error.signal, indent);
  }
  const isError = cause !== null && typeof cause === 'object' && typeof cause.stack === 'string';
  const message = isError ? `${cause.message}` : (typeof cause === 'string' ? cause : `${error?.message ?? cause}`);
  out += yamlValue('error', message, indent);
  out += yamlValue('code', isError && cause.code !== undefined ? cause.code : error?.code, indent);
  if (isError) {
    if (cause.name !== undefined && cause.name !== 'Error') out += yamlValue('name', cause.name, indent);
    if ('expected' in cause) out += yamlValue('expected', cause.expected, indent);
    if ('actual' in cause) out += yamlValue('actual', cause.actual, indent);
    if ('operator' in cause) out += yamlValue('operator', cause.operator, indent);
    const frames = stackLines(cause.stack);
    if (frames.length > 0) out += yamlValue('stack', ArrayPrototypeJoin(frames, '\n'), indent);
  }
  return out;
}

class TapFormatter {
  constructor() { this.started = false; }

  format({ type, data }) {
    let out = '';
    if (type === 'test:enqueue') return '';
    if (!this.started) {
      this.started = true;
      out += 'TAP version 13\n';
    }
    const indent = indentOf(data.nesting ?? 0);
    switch (type) {
      case 'test:start':
        return `${out}${indent}# Subtest: ${escapeName(data.name)}\n`;
      case 'test:pass':
      case 'test:fail': {
        out += `${indent}${type === 'test:pass' ? 'ok' : 'not ok'} ${data.testNumber} - ${escapeName(data.name)}${directiveOf(data)}\n`;
        const d = data.details ?? {};
        const yIndent = `${indent}  `;
        out += `${yIndent}---\n`;
        out += yamlValue('duration_ms', d.duration_ms, yIndent);
        if (d.type === 'suite') out += yamlValue('type', 'suite', yIndent);
        if (type === 'test:fail' && d.error !== undefined) {
          if (data.file !== undefined) out += yamlValue('location', `${data.file}:${data.line}:${data.column}`, yIndent);
          out += errorYaml(d.error, yIndent);
        }
        return `${out}${yIndent}...\n`;
      }
      case 'test:plan':
        return `${out}${indent}1..${data.count}\n`;
      case 'test:diagnostic':
        return `${out}${indent}# ${data.message}\n`;
      case 'test:stdout':
      case 'test:stderr': {
        const lines = StringPrototypeSplit(data.message, '\n');
        for (let i = 0; i < lines.length; i++) {
          if (i === lines.length - 1 && lines[i] === '') break;
          out += `# ${lines[i]}\n`;
        }
        return out;
      }
      default:
        return out;
    }
  }

  flush() { return this.started ? '' : 'TAP version 13\n'; }
}

async function* tap(source) {
  const formatter = new TapFormatter();
  for await (const event of source) {
    const text = formatter.format(event);
    if (text !== '') yield text;
  }
  const rest = formatter.flush();
  if (rest !== '') yield rest;
}

module.exports = { tap, TapFormatter };
