import type { FastifyInstance } from 'fastify';
import { type AppServices, createServices } from '../app/index.js';
import { bootstrapAdmin } from '../app/users/bootstrap-admin.js';
import type { Config } from '../config.js';
import { buildServer } from './build-server.js';

/** `npm start` / `relpack serve`: migrate, create the first admin if needed, listen. */
export async function startServer(
  config: Config,
  version: string,
  print: (line: string) => void,
): Promise<{ app: FastifyInstance; services: AppServices }> {
  const services = await createServices(config, { version });
  const applied = await services.migrate();
  if (applied.length > 0) print(`relpack: applied migrations ${applied.join(', ')}`);
  const admin = await bootstrapAdmin(services);
  if (admin.generatedPassword) {
    print(
      `relpack: created user "admin" with password ${admin.generatedPassword}\n` +
        '         it is shown only now; sign in and change it (or set RELPACK_ADMIN_PASSWORD before the first start)',
    );
  } else if (admin.created) {
    print('relpack: created user "admin" with the password from RELPACK_ADMIN_PASSWORD');
  }
  const app = await buildServer({ services });
  app.addHook('onClose', () => services.close());
  await app.listen({ host: config.host, port: config.port });
  print(
    `relpack ${version} listening on http://${config.host}:${config.port} (database: ${services.dialect}, data: ${config.dataDir})`,
  );
  return { app, services };
}
