// Top-level await: a module importing one that awaits runs after it has settled;
// the loop keeps running timers until the entry's evaluation settles.
import { value, steps } from './fixtures/tla-dep.mjs';

steps.push('entry');
console.log(value, steps.join(' '));
const later = await new Promise((resolve) => setTimeout(() => resolve('timer'), 20));
console.log(later);
for await (const x of [Promise.resolve(1), 2]) console.log('for await', x);
process.on('exit', (code) => console.log('exit', code));
