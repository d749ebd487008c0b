'use strict';
// uuid 9 (exports map with node/require conditions; crypto's randomFillSync,
// randomUUID and createHash underneath): name-based UUIDs are exact, random ones
// well formed.
const uuid = require('uuid');
console.log(uuid.v5('coil', uuid.v5.URL), uuid.v5('hello', uuid.v5.DNS));
console.log(uuid.v3('coil', uuid.v3.URL));
const v4 = uuid.v4();
console.log(uuid.validate(v4), uuid.version(v4), v4 === uuid.v4());
const v1 = uuid.v1();
console.log(uuid.validate(v1), uuid.version(v1));
console.log(uuid.parse('6ba7b810-9dad-11d1-80b4-00c04fd430c8').length,
            uuid.stringify(uuid.parse('6ba7b810-9dad-11d1-80b4-00c04fd430c8')));
console.log(uuid.NIL, uuid.validate('not-a-uuid'));
