import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { notFoundBody } from './error-handler.js';

/**
 * Where `npm run build:web` writes the single-page app: dist/web, found from this module whether
 * it runs as dist/server/plugins/web-app.js or inside the bundle in dist/bundle.
 */
export const WEB_ROOT = builtWebRoot(dirname(fileURLToPath(import.meta.url)));

function builtWebRoot(here: string): string {
  for (let dir = here; dir !== dirname(dir); dir = dirname(dir))
    if (basename(dir) === 'dist') return join(dir, 'web');
  return join(here, '..', '..', 'web');
}

const isPageRequest = (method: string, url: string, accept: string | undefined) =>
  (method === 'GET' || method === 'HEAD') &&
  !url.startsWith('/api/') &&
  url !== '/api' &&
  url !== '/metrics' &&
  (accept ?? '').includes('text/html');

/**
 * Serves the web UI at `/`: hashed assets cached for a year, index.html never cached, and every
 * other page path answered with index.html so client-side routes survive a reload. API paths keep
 * their JSON 404.
 */
export async function registerWebApp(app: FastifyInstance, root: string): Promise<void> {
  const built = existsSync(join(root, 'index.html'));
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (built && isPageRequest(request.method, url, request.headers.accept)) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.status(404).send(notFoundBody(request.method, url));
  });
  if (!built) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('The web UI is not built. Run `npm run build` (or `npm start`, which builds it).\n'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    setHeaders: (reply, path) => {
      reply.header(
        'cache-control',
        path.includes(`${join(root, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.sendFile('index.html'));
}
