import { createServer } from 'node:net';
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
    throw listenError(error, config.host, config.port);
  });
  print(
    `relpack ${services.version} listening on http://${config.host}:${config.port} (database: ${services.dialect}, data: ${config.dataDir})`,
  );
  return app;
}

/**
 * Fails as `relpack serve` would if it cannot listen on host:port, before anything is set up for
 * a server that would never run (the first admin and its one-time password).
 */
export async function checkListenable(host: string, port: number): Promise<void> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen({ host, port, exclusive: true }, () => resolve());
  }).catch((error: NodeJS.ErrnoException) => {
    throw listenError(error, host, port);
  });
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}

/** The ways a listen fails that the person starting relpack fixes with a setting. */
function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  if (error.code === 'EADDRINUSE')
    return new ConfigError(`port ${port} is in use on ${host}: set PORT or --port`);
  if (error.code === 'EACCES')
    return new ConfigError(`port ${port} needs privileges: use a port above 1023 (PORT or --port)`);
  if (error.code === 'EADDRNOTAVAIL')
    return new ConfigError(`${host} is not an address of this machine: set HOST or --host`);
  return error;
}
