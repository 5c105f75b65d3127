export { loadConfig, type Config } from './config.js';
export { openContext, startServer } from './server.js';
export { buildApp } from './http/app.js';
