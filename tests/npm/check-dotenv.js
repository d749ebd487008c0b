'use strict';
// dotenv 16 (exports map: '.', './config', './lib/env-options', './package.json'):
// `require('dotenv/config')` loads a .env file as a new user would (it loads
// 'crypto' too).
const fs = require('fs');
const os = require('os');
const path = require('path');

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'coil-dotenv-')), '.env');
fs.writeFileSync(file, [
  '# a comment', 'PLAIN=value', 'QUOTED="two words"', "SINGLE='single #not comment'",
  'MULTI="line1\\nline2"', 'EMPTY=', 'SPACED = padded  ', 'export EXPORTED=yes', 'INLINE=abc # comment',
].join('\n'));
process.env.DOTENV_CONFIG_PATH = file;
process.env.PLAIN_PRESET = 'kept';
require('dotenv/config');
for (const k of ['PLAIN', 'QUOTED', 'SINGLE', 'MULTI', 'EMPTY', 'SPACED', 'EXPORTED', 'INLINE']) {
  console.log(k, JSON.stringify(process.env[k]));
}
const dotenv = require('dotenv');
console.log(dotenv.parse('A=1\nB="x y"\n#C=3\nD=\'q\''));
console.log(dotenv.parse(Buffer.from('BUF=from buffer')));
const result = dotenv.config({ path: path.join(os.tmpdir(), 'no-such-dir-coil', '.env') });
console.log(result.error && result.error.code);
console.log(typeof require('dotenv/lib/env-options'), require('dotenv/package.json').version);
try { require('dotenv/lib/main.js'); } catch (e) { console.log(e.code); }
fs.rmSync(path.dirname(file), { recursive: true });
