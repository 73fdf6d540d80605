// Tests of every route that sends stored files (documents, images, claim documents) check the same
// promise: a HEAD tells what the GET would send (size, type, ETag, range), without the bytes.
import assert from 'node:assert/strict';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';

type Inject = (options: InjectOptions) => Promise<LightMyRequestResponse>;

/** The headers a HEAD must repeat from its GET. */
const SAME = ['content-length', 'content-type', 'etag', 'accept-ranges', 'content-range', 'content-disposition', 'cache-control'];

/**
 * Sends GET and HEAD to `url`, for the whole file and for a range of its first `rangeEnd + 1` bytes,
 * and checks that each HEAD answers the GET's status and headers with an empty body. Returns the
 * whole GET's answer.
 */
export async function assertHeadMatchesGet(
  inject: Inject,
  url: string,
  headers: Record<string, string> = {},
  rangeEnd = 9,
): Promise<LightMyRequestResponse> {
  let whole: LightMyRequestResponse | null = null;
  for (const extra of [{}, { range: `bytes=0-${rangeEnd}` }]) {
    const get = await inject({ method: 'GET', url, headers: { ...headers, ...extra } });
    const head = await inject({ method: 'HEAD', url, headers: { ...headers, ...extra } });
    const what = `${url} ${JSON.stringify(extra)}`;
    assert.equal(head.statusCode, get.statusCode, `${what}: status`);
    assert.ok(get.statusCode === 200 || get.statusCode === 206, `${what}: answered ${get.statusCode}`);
    assert.equal(Number(get.headers['content-length']), get.rawPayload.length, `${what}: GET's Content-Length is its body's`);
    for (const name of SAME) assert.equal(head.headers[name], get.headers[name], `${what}: HEAD and GET agree on ${name}`);
    assert.equal(head.rawPayload.length, 0, `${what}: HEAD has no body`);
    whole ??= get;
  }
  return whole!;
}
