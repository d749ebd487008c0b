// process.resourceUsage(): getrusage's fields under node's names, and
// process.cpuUsage(prevValue) with node's validation of prevValue.
const ru = process.resourceUsage();
console.log(Object.keys(ru).join(' '));
console.log(Object.values(ru).every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0));
console.log(ru.userCPUTime + ru.systemCPUTime > 0, ru.maxRSS > 1000, Object.getPrototypeOf(ru) === Object.prototype);
console.log(process.resourceUsage.length, process.resourceUsage.name, process.cpuUsage.length);
// Work between two readings shows in both.
const a = process.resourceUsage();
let x = 0;
for (let i = 0; i < 3e7; i++) x += i % 7;
const b = process.resourceUsage();
console.log(x > 0, b.userCPUTime >= a.userCPUTime, b.minorPageFault >= a.minorPageFault);

const show = (f) => {
  try {
    const r = f();
    console.log('ok', Object.keys(r).join(' '), r.user >= 0 && r.system >= 0);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
};
const prev = process.cpuUsage();
show(() => process.cpuUsage(prev));
show(() => process.cpuUsage(null));
show(() => process.cpuUsage(undefined));
show(() => process.cpuUsage(5));
show(() => process.cpuUsage('x'));
show(() => process.cpuUsage({}));
show(() => process.cpuUsage({ user: 'a', system: 1 }));
show(() => process.cpuUsage({ user: 1, system: 'b' }));
show(() => process.cpuUsage({ user: -1, system: 1 }));
show(() => process.cpuUsage({ user: 1, system: NaN }));
show(() => process.cpuUsage({ user: 2 ** 53, system: 1 }));
show(() => process.cpuUsage({ user: 0.5, system: 0 }));
