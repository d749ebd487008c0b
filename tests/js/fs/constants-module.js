// The deprecated `constants` module (graceful-fs reads O_* flags from it): every
// os.constants (dlopen, errno, priority, signals) and fs.constants entry, frozen.
const constants = require('constants');
const os = require('os');
const fs = require('fs');

const groups = { ...os.constants.dlopen, ...os.constants.errno, ...os.constants.priority,
  ...os.constants.signals, ...fs.constants };
const missing = Object.keys(groups).filter((k) => constants[k] !== groups[k]);
console.log('all os and fs constants present:', missing.length === 0, missing);
console.log(Object.isFrozen(constants), constants.O_WRONLY, constants.O_CREAT, constants.SIGTERM,
  constants.ENOENT, constants.S_IFDIR, constants.RTLD_NOW);
console.log('same object each time:', require('constants') === constants);
