export * from './extract/index.js';
export * from './providers/index.js';
