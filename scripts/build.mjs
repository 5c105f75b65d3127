#!/usr/bin/env node
/**
 * `npm run build` (issue 18): builds what `npm start` and the tests need, each
 * only when its sources changed since the last build (packages/server/bin/
 * build-stamp.js keeps a SHA-256 of the sources next to each build):
 *   - web:    the console bundle (Vite) → packages/web/dist
 *   - server: the server and the rules it imports, bundled into plain
 *             JavaScript (esbuild) → packages/server/dist/cli.js; its
 *             dependencies stay in node_modules. `bin/sanxiang.js` runs it when
 *             it is fresh and falls back to the TypeScript sources (tsx)
 *             otherwise, so development keeps tsx.
 *
 * Usage: node scripts/build.mjs [web|server …] [--force] [--quiet: say nothing when up to date]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BUILDS, ROOT, sourceHash, storedHash, writeStamp } from '../packages/server/bin/build-stamp.js';

const args = process.argv.slice(2);
const force = args.includes('--force');
const quiet = args.includes('--quiet');
const wanted = args.filter((a) => !a.startsWith('--'));
const names = wanted.length ? wanted : ['web', 'server'];
for (const n of names) if (!(n in BUILDS)) throw new Error(`unknown build: ${n} (web, server)`);

const say = (line) => process.stdout.write(`${line}\n`);

async function buildServer() {
  const esbuild = await import('esbuild');
  const outdir = path.join(ROOT, BUILDS.server.out);
  const srcRoots = ['packages/server/src', 'packages/core/src'].map((p) => path.join(ROOT, p) + path.sep);
  fs.rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { cli: 'packages/server/src/cli.ts' },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    banner: { js: '// Built by scripts/build.mjs from packages/server/src and packages/core/src — do not edit.' },
    plugins: [
      {
        name: 'sanxiang',
        setup(build) {
          // Dependencies stay in node_modules (native addons, wasm files); only
          // the workspace's own TypeScript packages are bundled.
          build.onResolve({ filter: /^[^./]/ }, (a) => (a.path.startsWith('@sanxiang/') ? undefined : { path: a.path, external: true }));
          // Files that find their neighbours through import.meta.url (the
          // migrations folder, the console bundle) keep finding them from the
          // bundle: their own URL becomes the source file's, relative to dist.
          build.onLoad({ filter: /\.ts$/ }, (a) => {
            if (!srcRoots.some((r) => a.path.startsWith(r))) return undefined;
            let contents = fs.readFileSync(a.path, 'utf8');
            if (contents.includes('import.meta.url')) {
              const rel = path.relative(outdir, a.path).split(path.sep).join('/');
              contents = contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`);
            }
            return { contents, loader: 'ts' };
          });
        },
      },
    ],
  });
}

function buildWeb() {
  const r = spawnSync('npm', ['run', 'build', '--silent', '-w', '@sanxiang/web'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`console build failed (exit ${r.status})`);
}

for (const name of names) {
  const hash = sourceHash(name);
  if (!force && storedHash(name) === hash) {
    if (!quiet) say(`${name}: up to date`);
    continue;
  }
  const t = performance.now();
  say(`${name}: building …`);
  if (name === 'server') await buildServer();
  else buildWeb();
  writeStamp(name, hash);
  say(`${name}: built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
