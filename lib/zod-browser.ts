import { z } from "zod";

// The console's Content-Security-Policy forbids eval. zod compiles object parsers with `new Function` where it can,
// and finds out by trying, which the browser reports as a policy violation: in the browser, zod parses uncompiled.
if (typeof window !== "undefined") z.config({ jitless: true });
