// Bundles the page into ../wwwroot/dist (gitignored) and copies index.html beside it. Run by Web.targets during
// `dotnet build`; `node build.mjs --watch` rebuilds on change while developing.
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const wwwroot = path.resolve(here, '../wwwroot');
const watch = process.argv.includes('--watch');

const options = {
  entryPoints: { app: path.join(here, 'src/app.js') },
  outdir: path.join(wwwroot, 'dist'),
  bundle: true,
  format: 'esm',
  target: ['es2022'],
  minify: !watch,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
};

await mkdir(options.outdir, { recursive: true });
// The stylesheet is its own build so it lands at dist/app.css beside dist/app.js.
const css = { ...options, entryPoints: { app: path.join(here, 'src/app.css') } };
if (watch) {
  await Promise.all([(await esbuild.context(options)).watch(), (await esbuild.context(css)).watch()]);
} else {
  await Promise.all([esbuild.build(options), esbuild.build(css)]);
}
await copyFile(path.join(here, 'index.html'), path.join(wwwroot, 'index.html'));
console.log(`web: built ${path.relative(process.cwd(), options.outdir)}`);
