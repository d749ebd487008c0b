// A cycle: a imports b, b imports a. b runs first and sees a's function
// declarations (hoisted) but not a's let bindings yet.
import { fromA, order } from './fixtures/cycle-a.mjs';

console.log(fromA(), order.join(' '));
