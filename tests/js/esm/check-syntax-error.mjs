// args: -c
// exit: 1
// -c reports a module's syntax error with its line, as node does.
import { alpha } from './fixtures/more.mjs';

export const = alpha;
