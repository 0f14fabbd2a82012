import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../app/index.js';
import { ConfigError } from '../config.js';
import { buildServer } from './build-server.js';
import { prettyLogStream, wantsPrettyLog } from './log-format.js';

/** Builds the HTTP adapter on ready services and listens on the configured address. */
export async function startServer(
  services: AppServices,
  print: (line: string) => void,
): Promise<FastifyInstance> {
  const { config } = services;
  const logger = wantsPrettyLog(config.logFormat, process.stdout)
    ? { stream: await prettyLogStream(process.stdout) }
    : {};
  const app = await buildServer({ services }, { logger });
  await app.listen({ host: config.host, port: config.port }).catch(async (error: NodeJS.ErrnoException) => {
    await app.close();
    throw listenError(error, config.host, config.port);
  });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  print(banner(services, port));
  return app;
}

/** What the person who started the server needs first: where to open it and where files go. */
export function banner(services: AppServices, port: number): string {
  const { config } = services;
  const sources = config.sourceRoots.filter((root) => root !== config.uploadsDir);
  return [
    `relpack ${services.version} is running at ${browserUrl(config.host, port)}`,
    `  sources   ${sources.join(', ') || '(uploads only)'}; uploads go to ${config.uploadsDir}`,
    `  releases  ${config.releasesDir}`,
    `  data      ${config.dataDir} (database: ${services.dialect})`,
  ].join('\n');
}

/** The address a browser on this machine opens: a wildcard listen is reached as localhost. */
export function browserUrl(host: string, port: number): string {
  const wildcard = host === '0.0.0.0' || host === '::' || host === '';
  const name = wildcard ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}/`;
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
