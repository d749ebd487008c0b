// fs.constants (Linux values), the F_OK.. shortcuts on fs, that fs.promises
// shares the object, and that it cannot be changed.
const fs = require('fs');

const c = fs.constants;
const names = Object.keys(c).sort();
console.log(names.length, names.join(','));
for (const name of names) console.log(name, c[name]);
console.log('shortcuts', fs.F_OK, fs.R_OK, fs.W_OK, fs.X_OK);
console.log('promises.constants is fs.constants', fs.promises.constants === fs.constants);
console.log('frozen-ish', Object.isFrozen(c) || Object.getOwnPropertyDescriptor(c, 'O_RDONLY').writable === false);
