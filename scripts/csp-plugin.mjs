// The Content-Security-Policy and hardening headers of the dev and preview servers (issue 16).
//
// The page needs exactly: its own scripts, styles, images and data ('self'); WebAssembly
// compilation for tfjs's WASM backend ('wasm-unsafe-eval', not 'unsafe-eval'); workers from
// its own files and from blob: URLs (tfjs's pthread workers); images from blob: and data: URLs
// (chart PNG export draws the SVG through an <img>). Nothing remote, no inline script. The dev
// server alone injects inline scripts (React refresh) and <style> tags (CSS hot reload), so it
// also allows one nonce, fresh each time the server starts, which Vite stamps on those tags.
import { randomBytes } from 'node:crypto';

/** The policy, as the header's value; `nonce` only for the dev server. */
export function contentSecurityPolicy(nonce) {
  const withNonce = (sources) => (nonce ? [...sources, `'nonce-${nonce}'`] : sources);
  const directives = {
    'default-src': ["'self'"],
    'script-src': withNonce(["'self'", "'wasm-unsafe-eval'"]),
    'style-src': withNonce(["'self'"]),
    'img-src': ["'self'", 'blob:', 'data:'],
    'worker-src': ["'self'", 'blob:'],
    'connect-src': ["'self'"],
    'font-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** Every header the servers send besides cross-origin isolation. */
export function securityHeaders(nonce) {
  return {
    'Content-Security-Policy': contentSecurityPolicy(nonce),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
}

function sendHeaders(headers) {
  return (_req, res, next) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    next();
  };
}

/** The plugin: the headers on every response of `vite` and `vite preview`. */
export function cspPlugin() {
  const nonce = randomBytes(16).toString('base64');
  return {
    name: 'lr-playground:csp',
    config(_config, { command }) {
      return command === 'serve' ? { html: { cspNonce: nonce } } : {};
    },
    configureServer(server) {
      server.middlewares.use(sendHeaders(securityHeaders(nonce)));
    },
    configurePreviewServer(server) {
      server.middlewares.use(sendHeaders(securityHeaders(null)));
    },
  };
}
