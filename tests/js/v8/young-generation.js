'use strict';
// A program whose young objects mostly die young (a server's requests) keeps V8's
// young generation at node's size however long it runs: 16 MiB semi-spaces at most.
// Here about a fifth of each scavenge's bytes survive (a ring of recent objects),
// enough for V8 to grow the young generation past that size every few scavenges.
const v8 = require('v8');

const newSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
const MiB = 1024 * 1024;

const ring = new Array(24 * 1024).fill(null);
let largest = 0;
for (let i = 0; i < 3_000_000; i++) {
  // ~128 bytes each: the ring holds ~3 MiB.
  ring[i % ring.length] = { a: i, b: i + 1, c: [i, i, i, i, i, i, i, i, i, i] };
  if (i % 10_000 === 0) largest = Math.max(largest, newSpace().space_size);
}
console.log('young generation within node\'s size:', largest <= 34 * MiB, largest > 0);
