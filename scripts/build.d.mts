// Types of scripts/build.mjs (plain JavaScript so it runs before anything is compiled).
/** Bundles the server into `outfile` (default dist/main.js); resolves with its path when written. */
export function buildServer(outfile?: string): Promise<string>;
