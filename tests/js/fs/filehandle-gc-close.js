// args: --expose-gc
// A FileHandle collected while open gets its fd closed, with a warning naming the
// fd each time and DEP0137 once; a closed or transferred-away handle warns nothing.
'use strict';
const fs = require('fs');
const warnings = [];
process.on('warning', (w) => warnings.push(`${w.name} ${w.code}: ${w.message.slice(0, 60)}`));

let fds = [];
async function openAndDrop(n) {
  for (let i = 0; i < n; i++) {
    const fh = await fs.promises.open(__filename);
    fds.push(fh.fd);
  }
}
async function openAndClose() {
  const fh = await fs.promises.open(__filename);
  await fh.close();
}

(async () => {
  await openAndDrop(2);
  await openAndClose();
  setImmediate(() => {
    global.gc();
    setImmediate(() => setTimeout(() => {
      console.log(warnings.length, 'warnings');
      for (const w of warnings) console.log(w.replace(/descriptor \d+/, 'descriptor N'));
      // Each collected handle's fd is closed (its number may have been reused since,
      // but not for this file).
      const ino = fs.statSync(__filename).ino;
      console.log(fds.map((fd) => {
        try { return fs.fstatSync(fd).ino === ino ? 'still open' : 'closed'; } catch { return 'closed'; }
      }));
    }, 20));
  });
})();
