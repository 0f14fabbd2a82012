import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../app/index.js';
import { ConfigError } from '../config.js';
import { buildServer } from './build-server.js';

/** Builds the HTTP adapter on ready services and listens on the configured address. */
export async function startServer(
  services: AppServices,
  print: (line: string) => void,
): Promise<FastifyInstance> {
  const { config } = services;
  const app = await buildServer({ services });
  await app.listen({ host: config.host, port: config.port }).catch(async (error: NodeJS.ErrnoException) => {
    await app.close();
    // The two ways a listen fails that the person starting relpack fixes with a setting.
    if (error.code === 'EADDRINUSE')
      throw new ConfigError(`port ${config.port} is in use on ${config.host}: set PORT or --port`);
    if (error.code === 'EACCES')
      throw new ConfigError(`port ${config.port} needs privileges: use a port above 1023 (PORT or --port)`);
    if (error.code === 'EADDRNOTAVAIL')
      throw new ConfigError(`${config.host} is not an address of this machine: set HOST or --host`);
    throw error;
  });
  print(
    `relpack ${services.version} listening on http://${config.host}:${config.port} (database: ${services.dialect}, data: ${config.dataDir})`,
  );
  return app;
}
