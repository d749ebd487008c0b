// Reading many small files piles up dead Buffers faster than the young generation
// fills. V8 10.2 would scavenge for them only once 32 MiB of young ArrayBuffers were
// held, so coil asks for a scavenge itself after 8 MiB (src/runtime/young_gen.rs):
// 40,000 reads of 4 KiB (156 MiB, 64 in flight) must never hold 20 MiB: one 8 MiB
// step, plus the step before it where V8 frees a scavenge's dead buffers on another
// thread and so may count them until the next scavenge (without coil's scavenges:
// 21.6 MiB on io_uring, 33 on epoll; node 20 holds under 4).
// The scavenge is V8's test-only call behind --expose-gc: `gc` must stay hidden.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coil-freed-'));
const file = path.join(dir, 'f');
fs.writeFileSync(file, Buffer.alloc(4096, 'x'));

(async () => {
  let next = 0;
  let most = 0;
  let bytes = 0;
  const worker = async () => {
    while (next < 40000) {
      next++;
      const data = await fs.promises.readFile(file);
      bytes += data.length;
      if (next % 100 === 0) most = Math.max(most, process.memoryUsage().arrayBuffers);
    }
  };
  await Promise.all(Array.from({ length: 64 }, worker));
  console.log('read', bytes === 40000 * 4096);
  console.log('held under 20 MiB', most < 20 * 1024 * 1024);
  console.log('gc', typeof gc, typeof globalThis.gc);
  fs.rmSync(dir, { recursive: true });
})();
