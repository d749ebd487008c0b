'use strict';
// At start-up the runtime raises its soft open-file limit to the hard one, as
// node does, so a server can take as many connections as the system allows
// without `ulimit -n`. A child started with a lowered soft limit reports its own.
const { execFileSync } = require('child_process');

const report = `
  const line = require('fs').readFileSync('/proc/self/limits', 'utf8')
    .split('\\n').find((l) => l.startsWith('Max open files'));
  const [soft, hard] = line.trim().split(/\\s+/).slice(3, 5);
  console.log(JSON.stringify({ soft, hard }));
`;
const hard = execFileSync('sh', ['-c', 'ulimit -Hn']).toString().trim();
const soft = hard === 'unlimited' || Number(hard) > 512 ? 256 : Math.max(1, Number(hard) >> 1);
const out = execFileSync('sh', ['-c', `ulimit -Sn ${soft} && exec "$0" -e "$1"`, process.execPath, report]);
const child = JSON.parse(out.toString());
console.log('the shell lowered the soft limit:', Number(hard) > soft || hard === 'unlimited');
// An unlimited hard limit is raised to as much as the kernel allows (fs.nr_open).
const raised = child.hard === 'unlimited' ? Number(child.soft) > soft : child.soft === child.hard;
console.log('the child raised it to the hard limit:', raised);
