#!/usr/bin/env node
// The `spojnia` executable (package.json "bin"): the sources are TypeScript run through tsx, so
// the launcher registers tsx before loading the command line, which exits with its own code.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
await main();
