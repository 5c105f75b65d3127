#!/usr/bin/env node
// The `sanxiang` command. Runs the compiled server (packages/server/dist, made
// by `npm run build`) when it was built from the current sources; otherwise
// — in development, or with SANXIANG_DEV=1 — the TypeScript sources through
// tsx, so a fresh clone needs no separate server build step.
import { isFresh } from './build-stamp.js';

let main;
if (process.env.SANXIANG_DEV !== '1' && isFresh('server')) {
  ({ main } = await import('../dist/cli.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli.ts'));
}
const code = await main(process.argv.slice(2));
if (code !== undefined && code !== null) process.exitCode = code;
