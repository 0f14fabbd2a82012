import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * The web UI's Content Security Policy: only our own scripts, styles, fonts and API; no frames, no
 * plugins, no inline script. `style-src 'unsafe-inline'` stays for the style attributes React and
 * CodeMirror set (no script can be injected through it).
 */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** API answers are data, never pages: nothing in them may load or run anything. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Swagger UI (/api/docs) ships an inline bootstrap of its own. */
const DOCS_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

/** No framing (clickjacking), no MIME sniffing, no referrer leaks, and the CSP for the path. */
export function applySecurityHeaders(reply: FastifyReply, url: string): void {
  const path = url.split('?')[0] ?? '/';
  const csp = path.startsWith('/api/docs')
    ? DOCS_CSP
    : path.startsWith('/api/') || path === '/metrics'
      ? API_CSP
      : WEB_CSP;
  reply.header('content-security-policy', csp);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('x-frame-options', 'DENY');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('cross-origin-opener-policy', 'same-origin');
}

/** The headers on every answer a route or hook gives (router errors set them themselves). */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    applySecurityHeaders(reply, request.url);
    return payload;
  });
}
