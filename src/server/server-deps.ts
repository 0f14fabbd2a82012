import type { AppServices } from '../app/index.js';

/** Everything the HTTP adapter needs: the use-cases, built once by start-up code (or a test). */
export interface ServerDeps {
  readonly services: AppServices;
}
