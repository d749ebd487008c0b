// Import attributes written with `with` (Node 20's form) as well as `assert`, in
// static imports, re-exports and import() from modules and CommonJS.
import data from './fixtures/data.json' with { type: 'json' };
import { default as again } from './fixtures/data.json' with { type: 'json' };
import { fromCommonJS } from './fixtures/with-import.cjs';

const dynamic = await import('./fixtures/data.json', { with: { type: 'json' } });
const viaTemplate = await import(`./fixtures/${String('data')}.json`, { with: { type: 'json' } });
console.log(data.name, again === data, dynamic.default === data, viaTemplate.default === data);
console.log((await fromCommonJS()) === data);
