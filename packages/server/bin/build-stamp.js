// Source stamps of the two build outputs (issue 18): a SHA-256 over the
// relative path and content of every source file that goes into a build,
// stored next to the build. A build whose stamp matches its sources is reused;
// `npm start` then starts the compiled server without rebuilding anything.
// Plain JavaScript on purpose: it runs before anything is compiled.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const SKIP_DIRS = new Set(['node_modules', 'dist', '.vite', 'coverage']);

/** What each build reads: folders (walked, tests left out) and single files, relative to the repository. */
export const BUILDS = {
  server: {
    out: 'packages/server/dist',
    inputs: ['packages/server/src', 'packages/core/src', 'packages/server/package.json', 'packages/core/package.json', 'package-lock.json', 'scripts/build.mjs'],
  },
  web: {
    out: 'packages/web/dist',
    inputs: ['packages/web/src', 'packages/web/index.html', 'packages/web/vite.config.ts', 'packages/web/package.json', 'packages/core/src', 'package-lock.json'],
  },
};

const STAMP = '.source-hash';

function walk(rel, files) {
  const abs = path.join(ROOT, rel);
  let st;
  try {
    st = fs.statSync(abs);
  } catch {
    return; // an optional input that does not exist counts as empty
  }
  if (st.isFile()) {
    files.push(rel);
    return;
  }
  for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(path.posix.join(rel, e.name), files);
    } else if (e.isFile() && !/\.test\.tsx?$/.test(e.name)) {
      files.push(path.posix.join(rel, e.name));
    }
  }
}

/** SHA-256 (hex) over the sorted relative paths and contents of a build's inputs. */
export function sourceHash(name) {
  const files = [];
  for (const input of BUILDS[name].inputs) walk(input, files);
  files.sort();
  const h = crypto.createHash('sha256');
  for (const f of files) {
    h.update(f);
    h.update('\0');
    h.update(fs.readFileSync(path.join(ROOT, f)));
    h.update('\0');
  }
  return h.digest('hex');
}

export function stampPath(name) {
  return path.join(ROOT, BUILDS[name].out, STAMP);
}

/** The stored stamp of a build, or undefined when it was never built. */
export function storedHash(name) {
  try {
    return fs.readFileSync(stampPath(name), 'utf8').trim();
  } catch {
    return undefined;
  }
}

export function writeStamp(name, hash) {
  fs.writeFileSync(stampPath(name), `${hash}\n`);
}

/** True when the build exists and was made from the current sources. */
export function isFresh(name) {
  const stored = storedHash(name);
  return stored !== undefined && stored === sourceHash(name);
}
