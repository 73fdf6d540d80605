// The verification module on its own (SQLite and PostgreSQL): a kind contributed by a test module
// answers valid, expired and withdrawn documents as a page and as JSON, and anything else as a 404
// "unknown"; new numbers are random and grouped, and a number is never listed anywhere.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MODULES } from '../../app.js';
import type { AppModule } from '../../core/module.js';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { newDocumentNumber, type VerificationStatus } from './index.js';

const DOCS: Record<string, VerificationStatus> = { 'AAAA-CCCC-DDDD': 'valid', 'EEEE-FFFF-GGGG': 'expired', 'HHHH-JJJJ-KKKK': 'withdrawn' };

const issuer: AppModule = {
  name: 'test-issuer',
  contributes: {
    verificationKinds: [
      {
        kind: 'testowy',
        labelKey: 'verification.title',
        lookup: async (_ctx, number) => {
          const status = DOCS[number];
          return status
            ? {
                status,
                title: 'licencja testowa',
                holder: 'Spółdzielnia Socjalna „Razem”',
                issuer: 'ROPS',
                issuedAt: '2027-01-15T10:00:00.000Z',
                validUntil: '2028-01-15T10:00:00.000Z',
                facts: [],
              }
            : null;
        },
      },
    ],
  },
};

let t: TestApp;
before(async () => {
  t = await createTestApp({ reference: false, modules: [...MODULES, issuer] });
});
after(async () => t.close());

test('valid, expired and withdrawn documents are answered as a page and as JSON', async () => {
  const texts: Record<VerificationStatus, string> = {
    valid: 'Dokument jest ważny',
    expired: 'Dokument wygasł',
    withdrawn: 'Dokument został unieważniony',
  };
  for (const [number, status] of Object.entries(DOCS)) {
    const page = await t.app.inject({ url: `/weryfikacja/testowy/${number}` });
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(texts[status]), status);
    assert.equal((page.body.match(/<h1/g) ?? []).length, 1);
    const json = await t.app.inject({ url: `/api/v1/weryfikacja/testowy/${number}` });
    assert.deepEqual((json.json() as { status: string; holder: string }).status, status);
  }
});

test('unknown numbers and kinds are a 404 "unknown"', async () => {
  for (const url of ['/weryfikacja/testowy/AAAA-CCCC-DDDE', '/weryfikacja/inny/AAAA-CCCC-DDDD', '/weryfikacja/testowy/1']) {
    assert.equal((await t.app.inject({ url })).statusCode, 404, url);
    const json = await t.app.inject({ url: `/api/v1${url}` });
    assert.equal(json.statusCode, 404);
    assert.equal((json.json() as { status: string }).status, 'unknown');
  }
});

test('numbers are random, grouped and cannot be enumerated', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    const n = newDocumentNumber();
    assert.match(n, /^[ACDEFGHJKLMNPQRTUVWXY3479]{4}-[ACDEFGHJKLMNPQRTUVWXY3479]{4}-[ACDEFGHJKLMNPQRTUVWXY3479]{4}$/);
    seen.add(n);
  }
  assert.equal(seen.size, 2000);
});
