import { z } from 'zod';

// Imported first by each entry point (the page, the engine worker), before any schema is used.
// zod compiles fast validators with `new Function` unless told not to, and probes for it on
// first use; the page's Content-Security-Policy forbids eval, and even the caught probe is
// reported as a violation.
z.config({ jitless: true });
