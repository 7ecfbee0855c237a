import type { Plugin } from 'vite';

export function contentSecurityPolicy(nonce: string | null): string;
export function securityHeaders(nonce: string | null): Record<string, string>;
export function cspPlugin(): Plugin;
