// Types of scripts/build.mjs (plain JavaScript so it runs before anything is compiled).
/** Bundles the server into `outfile` (default dist/main.js); resolves with its path when written. */
export function buildServer(outfile?: string): Promise<string>;
/** Node's flags for the production server (npm start, the systemd unit, the bench). */
export const SERVER_NODE_FLAGS: readonly string[];
