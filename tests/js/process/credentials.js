// process.getuid/geteuid/getgid/getegid/getgroups agree with the kernel's view of
// this process (/proc/self/status), whatever user runs the test.
const fs = require('fs');
const status = fs.readFileSync('/proc/self/status', 'utf8');
const field = (name) => status.match(new RegExp(`^${name}:[ \\t]*(.*)$`, 'm'))[1].split(/\s+/).filter(Boolean).map(Number);
const [ruid, euid] = field('Uid');
const [rgid, egid] = field('Gid');
const groups = field('Groups');
console.log('getuid', process.getuid() === ruid);
console.log('geteuid', process.geteuid() === euid);
console.log('getgid', process.getgid() === rgid);
console.log('getegid', process.getegid() === egid);
const got = process.getgroups();
console.log('getgroups is an array of numbers', Array.isArray(got) && got.every((g) => typeof g === 'number'));
console.log('getgroups has every supplementary group', groups.every((g) => got.includes(g)));
console.log('types', typeof process.getuid, typeof process.getgroups);
