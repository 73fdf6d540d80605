// The offline translation of stack positions (`spojnia stack`): a small bundle is built with the
// same esbuild settings' kind of map, run without source maps in a process of its own, and the
// positions its stack trace prints must come back as the TypeScript file and line that threw.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { originalPositions } from './source-positions.js';
import { bundledStack } from './source-positions.testing.js';

const root = mkdtempSync(join(tmpdir(), 'spojnia-stack-'));
after(() => rmSync(root, { recursive: true, force: true }));

async function bundled(): Promise<{ bundle: string; stack: string }> {
  const bundle = join(root, 'dist', 'main.js');
  const files = {
    'src/helper.ts': ['// a helper', 'export function fail(reason: string): never {', '  throw new Error(`failed: ${reason}`);', '}'],
    'src/entry.ts': [
      'import { fail } from "./helper.js";',
      '',
      'const values: number[] = [1, 2, 3];',
      'if (values.length > 0) fail("three");',
    ],
  };
  return { bundle, stack: await bundledStack(root, files, 'src/entry.ts', bundle) };
}

test('positions in a bundle come back as the source file and line that threw; other text is unchanged', async () => {
  const { bundle, stack } = await bundled();
  assert.match(stack, /dist\/main\.js:\d+:\d+/, 'the child ran without source maps');
  const { text, mapped, unmapped } = originalPositions(stack, { root, dist: join(root, 'dist') });
  assert.ok(mapped >= 2, text);
  assert.deepEqual(unmapped, []);
  assert.match(text, /src\/helper\.ts:3:9/, text);
  assert.match(text, /src\/entry\.ts:4:\d+/, text);
  assert.ok(!text.includes(`${bundle}:`), text);
  assert.match(text, /Error: failed: three/);

  // a JSON log line from another machine: the same file name in `dist` is used
  const line = JSON.stringify({ level: 50, err: { stack: stack.replaceAll(join(root, 'dist'), '/opt/spojnia/current/dist') } });
  const fromLog = originalPositions(line, { root, dist: join(root, 'dist') });
  assert.equal(fromLog.mapped, mapped);
  assert.match(fromLog.text, /src\/helper\.ts:3:9/);
  assert.doesNotThrow(() => JSON.parse(fromLog.text), 'the log line stays JSON');
});

test('a bundle without its map is named once and left as it is; positions in Node itself are not touched', () => {
  const text = [
    'Error: x',
    '    at f (/srv/other/dist/app.js:10:5)',
    '    at g (/srv/other/dist/app.js:12:7)',
    '    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)',
  ].join('\n');
  const result = originalPositions(text, { root, dist: join(root, 'nowhere') });
  assert.equal(result.text, text);
  assert.equal(result.mapped, 0);
  assert.deepEqual(result.unmapped, ['/srv/other/dist/app.js']);
});
