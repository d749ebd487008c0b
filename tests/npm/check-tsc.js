'use strict';
// typescript 5's tsc, run as a user runs it: --version, a small strict NodeNext
// project compiled to JS with declarations and source maps (the emitted files are
// printed), and a type error (its diagnostic and exit code 2).
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const tsc = require.resolve('typescript/bin/tsc');
const run = (args, cwd) => spawnSync(process.execPath, [tsc, ...args], { cwd, encoding: 'utf8' });
const version = run(['--version']);
console.log(version.status, version.stdout.trim());
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-'));
fs.mkdirSync(path.join(dir, 'src'));
fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
  compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'out', declaration: true, sourceMap: true },
  include: ['src'],
}));
fs.writeFileSync(path.join(dir, 'src', 'shapes.ts'), `export interface Shape { kind: 'circle' | 'square'; size: number }
export function area(s: Shape): number { return s.kind === 'circle' ? Math.PI * s.size ** 2 : s.size ** 2; }
export class Box<T> {
  constructor(private readonly items: T[] = []) {}
  add(x: T): this { this.items.push(x); return this; }
  get count() { return this.items.length; }
}
`);
fs.writeFileSync(path.join(dir, 'src', 'main.ts'), `import { area, Box, type Shape } from './shapes.js';
const shapes: Shape[] = [{ kind: 'circle', size: 1 }, { kind: 'square', size: 2 }];
const box = new Box<Shape>();
for (const s of shapes) box.add(s);
console.log(box.count, shapes.map(area).map((a) => a.toFixed(2)).join(' '));
`);
const build = run(['-p', '.'], dir);
console.log('build', build.status, build.stdout, build.stderr);
for (const f of fs.readdirSync(path.join(dir, 'out')).sort()) {
  console.log(`--- ${f}\n${fs.readFileSync(path.join(dir, 'out', f), 'utf8')}`);
}
const out = spawnSync(process.execPath, [path.join(dir, 'out', 'main.js')], { encoding: 'utf8' });
console.log(out.status, out.stdout);
fs.writeFileSync(path.join(dir, 'src', 'bad.ts'), "const x: number = 'no';\nexport {};\n");
const bad = run(['-p', '.', '--noEmit', '--pretty', 'false'], dir);
console.log('bad', bad.status, bad.stdout, bad.stderr);
fs.rmSync(dir, { recursive: true });
