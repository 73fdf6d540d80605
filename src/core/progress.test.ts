// The command line's progress report: plain lines at the start, every 10 % and at the end when stderr is
// not a terminal, a bar redrawn in place and finished with one newline when it is.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupDigits, progress } from './progress.js';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, isTTY, write: (s: string) => chunks.push(s) };
}

test('digits are grouped by threes with a space', () => {
  assert.deepEqual([0, 999, 1000, 20_000, 100_000, 1_234_567].map(groupDigits), ['0', '999', '1 000', '20 000', '100 000', '1 234 567']);
});

test('without a terminal: a line for the first report, each time another 10 % is passed, and at the end', () => {
  const s = stream(false);
  const p = progress(s, 'synthetic entities');
  for (let done = 5000; done <= 100_000; done += 5000) p(done, 100_000);
  p(100_000, 100_000); // a repeated last report prints nothing more
  assert.deepEqual(s.chunks, [
    'synthetic entities: 5 000 / 100 000 (5%)\n',
    'synthetic entities: 10 000 / 100 000 (10%)\n',
    'synthetic entities: 20 000 / 100 000 (20%)\n',
    'synthetic entities: 30 000 / 100 000 (30%)\n',
    'synthetic entities: 40 000 / 100 000 (40%)\n',
    'synthetic entities: 50 000 / 100 000 (50%)\n',
    'synthetic entities: 60 000 / 100 000 (60%)\n',
    'synthetic entities: 70 000 / 100 000 (70%)\n',
    'synthetic entities: 80 000 / 100 000 (80%)\n',
    'synthetic entities: 90 000 / 100 000 (90%)\n',
    'synthetic entities: 100 000 / 100 000 (100%)\n',
  ]);
  p.end();
  assert.equal(s.chunks.length, 11, 'end() adds nothing to plain lines');
});

test('without a terminal: a coarser step, a jump past several steps, nothing to do', () => {
  const s = stream(false);
  const p = progress(s, 'backup', { step: 25 });
  p(1, 3);
  p(2, 3);
  p(3, 3);
  assert.deepEqual(s.chunks, ['backup: 1 / 3 (33%)\n', 'backup: 2 / 3 (66%)\n', 'backup: 3 / 3 (100%)\n']);
  const empty = stream(false);
  progress(empty, 'import')(0, 0);
  assert.deepEqual(empty.chunks, ['import: 0 / 0 (100%)\n']);
});

test('on a terminal: one line redrawn at most every 100 ms, ended by a newline when complete', () => {
  const s = stream(true);
  let clock = 0;
  const p = progress(s, 'import', { now: () => clock });
  p(10, 100);
  clock = 50;
  p(20, 100); // too soon: not drawn
  clock = 160;
  p(50, 100);
  clock = 2160;
  p(100, 100);
  assert.equal(s.chunks.length, 3);
  assert.ok(
    s.chunks.every((c) => c.startsWith('\rimport [') && c.includes('\x1b[K')),
    'each draw returns to the line start',
  );
  assert.match(s.chunks[0]!, /\] {2}10% 10 \/ 100 · 0\.0 s/);
  assert.match(s.chunks[1]!, /\[#{15}-{15}\] {2}50% 50 \/ 100 · 0\.2 s/);
  assert.match(s.chunks[2]!, /\[#{30}\] 100% 100 \/ 100 · 2\.2 s/);
  assert.ok(s.chunks[2]!.endsWith('\u001b[K\n'), 'the finished bar ends its line');
  assert.equal(s.chunks.join('').split('\n').length - 1, 1, 'exactly one newline');
});

test('on a terminal: end() closes a bar left midway, once', () => {
  const s = stream(true);
  const p = progress(s, 'backup', { now: () => 0 });
  p(3, 10);
  p.end();
  p.end();
  p(10, 10); // after end() nothing is drawn
  assert.equal(s.chunks.length, 2);
  assert.equal(s.chunks[1], '\n');
});
