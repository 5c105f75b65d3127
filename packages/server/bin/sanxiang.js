#!/usr/bin/env node
// The `sanxiang` command: runs the TypeScript sources through tsx, so a fresh
// clone needs no separate server build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
const code = await main(process.argv.slice(2));
if (code !== undefined && code !== null) process.exitCode = code;
