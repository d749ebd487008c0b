'use strict';
// process.dlopen and require() of .node files without an addon to load: each
// failure is node's ERR_DLOPEN_FAILED with dlopen's own message (a library that
// registers no Node-API module, a missing file, a file that is not ELF), bad
// arguments are refused as node does, and os.constants.dlopen has dlopen's flags.
const os = require('os');
const fs = require('fs');
const path = require('path');

const show = (e) => console.log(e.name, e.code, Object.keys(e).join(','), e.message);
const libm = ['/lib/x86_64-linux-gnu/libm.so.6', '/usr/lib/x86_64-linux-gnu/libm.so.6', '/lib64/libm.so.6']
  .find((f) => fs.existsSync(f));
try { process.dlopen({ exports: {} }, libm); } catch (e) { console.log(e.name, e.code, e.message.replace(libm, 'LIBM')); }
try { process.dlopen({ exports: {} }, '/nonexistent/x.node'); } catch (e) { show(e); }
try { process.dlopen({ exports: {} }, __filename, os.constants.dlopen.RTLD_NOW); } catch (e) {
  console.log(e.code, e.message.replace(__filename, 'THIS'));
}
try { process.dlopen({ exports: {} }, '/nonexistent/x.node', undefined); } catch (e) { show(e); }
try { process.dlopen({ exports: {} }); } catch (e) { show(e); }
try { process.dlopen({ exports: undefined }, '/nonexistent/x.node'); } catch (e) { console.log(e.name, e.message); }
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-dlopen-'));
const fake = path.join(tmp, 'fake.node');
fs.writeFileSync(fake, 'not a library');
try { require(fake); } catch (e) { console.log(e.code, e.message.replace(fake, 'FAKE')); }
fs.rmSync(tmp, { recursive: true });
console.log(typeof process.dlopen, process.dlopen.length, os.constants.dlopen);
