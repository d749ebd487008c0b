// assert.ok() without a message quotes the call with non-ASCII identifiers whole.
'use strict'; const ässört = require('assert'); const π = { ok: ässört.ok };
for (const f of [() => ässört.ok(''), () => π.ok(0), () => ässört(null, undefined)]) {
  try { f(); } catch (e) { console.log(JSON.stringify(e.message)); }
}
