import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { RelpackError } from '../errors/index.js';
import { registerAccessGuard } from './plugins/access-guard.js';
import { clientErrorHandler, frameworkErrors, registerErrorHandler } from './plugins/error-handler.js';
import { LoginThrottle } from './plugins/login-throttle.js';
import { registerRenderGate } from './plugins/render-gate.js';
import { OneLinePerRequest } from './plugins/request-log.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { registerWebApp, WEB_ROOT } from './plugins/web-app.js';
import { apiConfigRoutes } from './routes/api-configs.js';
import { authRoutes } from './routes/auth.js';
import { destinationRoutes } from './routes/destinations.js';
import { healthRoutes } from './routes/health.js';
import { jobRoutes } from './routes/jobs.js';
import { metadataRoutes } from './routes/metadata.js';
import { metricsRoutes } from './routes/metrics.js';
import { preferenceRoutes } from './routes/preferences.js';
import { profileRoutes } from './routes/profiles.js';
import { releaseActionRoutes } from './routes/release-actions.js';
import { sourceRoutes } from './routes/sources.js';
import { systemRoutes } from './routes/system.js';
import { templateRoutes } from './routes/templates.js';
import { userRoutes } from './routes/users.js';
import { wizardRoutes } from './routes/wizard.js';
import type { ServerDeps } from './server-deps.js';

export interface BuildOptions {
  /** pino options, or false for silence (tests). */
  readonly logger?: boolean | object;
  /** Called for every registered route, for the access-matrix test. */
  /** The built web UI to serve at `/` (default: dist/web). */
  readonly webRoot?: string;
  readonly onRoute?: (route: { method: string | string[]; url: string; access: string }) => void;
}

/** Query parameters that carry a credential (download links): never written to a log. */
const SECRET_PARAMS = /([?&](?:token|access_token|key|api_key)=)[^&#]*/gi;

export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1[redacted]');
}

/** pino's request line, with credentials in the URL redacted. */
function redactedRequest(request: { method: string; url: string; ip?: string; hostname?: string }) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    hostname: request.hostname,
    remoteAddress: request.ip,
  };
}

/** proxy-addr's hop count: the nearest `hops` proxies are trusted to name the client. */
function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

/** The HTTP adapter: plugins registered in one place, every route in `routes/`. */
export async function buildServer(deps: ServerDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const { config } = deps.services;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            ...(typeof options.logger === 'object' ? options.logger : {}),
            serializers: { req: redactedRequest },
          },
    logController: new OneLinePerRequest(),
    bodyLimit: config.bodyLimitBytes,
    frameworkErrors,
    clientErrorHandler,
    // Behind a reverse proxy the client is the forwarded address (RELPACK_TRUST_PROXY), so limits
    // and the audit log see people, not the proxy.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerSecurityHeaders(app);
  // swagger-ui's own routes are public documentation, and so is the web app's static files
  // (everything outside /api and /metrics): the data they show comes from guarded API calls.
  app.addHook('onRoute', (route) => {
    const webApp = !route.url.startsWith('/api/') && route.url !== '/metrics';
    if (route.url.startsWith('/api/docs') || webApp) route.config = { ...route.config, access: 'public' };
  });
  if (options.onRoute) {
    const report = options.onRoute;
    app.addHook('onRoute', (route) =>
      report({ method: route.method, url: route.url, access: route.config?.access ?? 'user' }),
    );
  }
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.uploadLimitBytes, files: 1 } });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      Object.assign(
        new RelpackError('RATE_LIMITED', `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s`, {
          retryAfterSeconds: Math.ceil(context.ttl / 1000),
        }),
        { statusCode: 429 },
      ),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'relpack API', version: deps.services.version, description: 'Scene release packer' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    // Emits the schemas registered with an id (Job, Error, …) as components the paths refer to.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  registerAccessGuard(app, deps.services);
  registerRenderGate(app);
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  await app.register(healthRoutes, deps);
  const limits = { ...config.loginLimit, windowMs: config.loginLimit.windowSeconds * 1000 };
  await app.register(authRoutes, { ...deps, throttle: new LoginThrottle(limits) });
  await app.register(userRoutes, { ...deps, throttle: new LoginThrottle(limits) });
  await app.register(jobRoutes, deps);
  await app.register(releaseActionRoutes, deps);
  await app.register(preferenceRoutes, deps);
  await app.register(templateRoutes, deps);
  await app.register(sourceRoutes, deps);
  await app.register(wizardRoutes, deps);
  await app.register(apiConfigRoutes, deps);
  await app.register(destinationRoutes, deps);
  await app.register(metricsRoutes, deps);
  await app.register(metadataRoutes, deps);
  await app.register(systemRoutes, deps);
  await app.register(profileRoutes, deps);
  await registerWebApp(app, options.webRoot ?? WEB_ROOT);
  return app;
}
