import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './csp-plugin.mjs';

/** The policy as a map of directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('the Content-Security-Policy', () => {
  it('allows WebAssembly compilation but no eval and no inline script in the built page', () => {
    const policy = directives(contentSecurityPolicy(null));
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy(null)).not.toMatch(/unsafe-inline|'unsafe-eval'|nonce-/);
  });

  it('lets workers start from blob: URLs (tfjs pthreads) and nothing load from elsewhere', () => {
    const policy = directives(contentSecurityPolicy(null));
    expect(policy.get('worker-src')).toEqual(["'self'", 'blob:']);
    for (const sources of policy.values()) {
      for (const source of sources) expect(source).toMatch(/^('[a-z-]+'|blob:|data:)$/);
    }
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it("allows the dev server's own inline tags by their nonce only", () => {
    const policy = directives(contentSecurityPolicy('abc123'));
    expect(policy.get('script-src')).toContain("'nonce-abc123'");
    expect(policy.get('style-src')).toContain("'nonce-abc123'");
    expect(policy.get('img-src')).not.toContain("'nonce-abc123'");
  });

  it('comes with the hardening headers', () => {
    const headers = securityHeaders(null);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
    expect(headers['Content-Security-Policy']).toBe(contentSecurityPolicy(null));
  });
});
