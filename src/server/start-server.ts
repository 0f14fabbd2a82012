import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../app/index.js';
import { buildServer } from './build-server.js';

/** Builds the HTTP adapter on ready services and listens on the configured address. */
export async function startServer(
  services: AppServices,
  print: (line: string) => void,
): Promise<FastifyInstance> {
  const { config } = services;
  const app = await buildServer({ services });
  await app.listen({ host: config.host, port: config.port });
  print(
    `relpack ${services.version} listening on http://${config.host}:${config.port} (database: ${services.dialect}, data: ${config.dataDir})`,
  );
  return app;
}
