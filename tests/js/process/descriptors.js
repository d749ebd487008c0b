// process.env is a data property; process.stdout/stderr/stdin are enumerable
// accessors that stay accessors after their first read (the same object each time).
'use strict';
const show = (k) => {
  const d = Object.getOwnPropertyDescriptor(process, k);
  console.log(k, Object.keys(d).join(','), d.enumerable, d.configurable, typeof d.get, d.set);
};
for (const k of ['env', 'stdout', 'stderr', 'stdin']) show(k);
console.log(process.stdout === process.stdout, process.stderr.fd, process.stdin.fd);
for (const k of ['stdout', 'stderr', 'stdin']) show(k);
process.env.COIL_DESCRIPTOR_TEST = 'x';
console.log(process.env.COIL_DESCRIPTOR_TEST, 'COIL_DESCRIPTOR_TEST' in process.env);
