// args: -C custom
// A user condition (-C / --conditions) is tried where the package lists it.
import { feature } from 'esm-cond/feature';
import { via } from 'esm-cond';

console.log(feature, '|', via);
