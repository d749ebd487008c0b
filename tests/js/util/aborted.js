// util.aborted: resolves when the signal aborts; argument checks.
'use strict';
const util = require('util');
const ac = new AbortController();
util.aborted(ac.signal, {}).then(() => console.log('aborted resolved'));
console.log('before abort');
ac.abort();
util.aborted(1, {}).catch((e) => console.log('bad signal', e.code, e.message));
util.aborted(new AbortController().signal, 1).catch((e) => console.log('bad resource', e.code, e.message));
const done = new AbortController();
done.abort();
util.aborted(done.signal, {}).then(() => console.log('already aborted resolves'));
