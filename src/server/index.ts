export { type BuildOptions, buildServer } from './build-server.js';
export type { ServerDeps } from './server-deps.js';
export { checkListenable, startServer } from './start-server.js';
