export { openRuntime, type Runtime, type RuntimeMode, type RuntimeOptions } from './open-runtime.js';
export { serve, work } from './serve.js';
