// One place turns every failure into an answer: accessible HTML pages in the visitor's language,
// `application/problem+json` under `/api/`. 5xx answers show a reference id and never internals.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TKey } from '../../i18n/index.js';
import { AppError, isAppError, type Problem } from '../errors/app-error.js';
import type { ErrorCatalogue, ErrorCode } from '../errors/catalogue.js';
import { ErrorSummary, PageHeader } from '../ui/components.js';
import { usePage } from '../ui/context.js';
import { sendPage } from './render.js';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_CSRF_INVALID_TOKEN: 'http.csrf',
  FST_CSRF_MISSING_SECRET: 'http.csrf',
  FST_ERR_CTP_BODY_TOO_LARGE: 'http.payload_too_large',
  FST_REQ_FILE_TOO_LARGE: 'http.payload_too_large',
  FST_PARTS_LIMIT: 'http.payload_too_large',
  FST_FILES_LIMIT: 'http.payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'http.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'http.bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'http.bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'http.bad_request',
  FST_ERR_VALIDATION: 'http.validation',
};

function fieldOf(v: { instancePath?: string; params?: Record<string, unknown> }): string | undefined {
  const missing = v.params?.missingProperty ?? v.params?.requiredProperty;
  if (typeof missing === 'string') return missing;
  const path = (v.instancePath ?? '').replace(/^\//, '').split('/')[0];
  return path || undefined;
}

/** Normalises anything thrown into an AppError; unknown errors become `http.internal`. */
export function toAppError(err: unknown): AppError {
  if (isAppError(err)) return err;
  const e = err as FastifyError & { validation?: { instancePath?: string; params?: Record<string, unknown> }[] };
  if (e?.validation) {
    // one bad value can fail a schema several ways (each branch of a union reports); the message
    // is per field, so repeating it would only make the summary read the same line three times
    const fields = [...new Set(e.validation.map(fieldOf))];
    const problems: Problem[] = fields.map((field) => ({
      ...(field ? { field } : {}),
      key: 'validation.invalidParam',
      params: { field: field ?? '?' },
    }));
    return new AppError('http.validation', {}, problems);
  }
  const mapped = e?.code ? FASTIFY_CODES[e.code] : undefined;
  if (mapped) return new AppError(mapped);
  const status = typeof e?.statusCode === 'number' ? e.statusCode : 500;
  if (status === 404) return new AppError('http.not_found');
  if (status === 405) return new AppError('http.method_not_allowed');
  if (status === 413) return new AppError('http.payload_too_large');
  if (status === 415) return new AppError('http.unsupported_media_type');
  if (status === 429) return new AppError('http.rate_limited');
  if (status >= 400 && status < 500) return new AppError('http.bad_request');
  return new AppError('http.internal');
}

function ErrorView({ error, status, requestId }: { error: AppError; status: number; requestId: string }) {
  const { t, href } = usePage();
  const base = `errors.${error.code}` as const;
  return (
    <div class="error-page">
      <PageHeader title={t(`${base}.title` as TKey, error.params)} />
      <p>{t(`${base}.detail` as TKey, error.params)}</p>
      <ErrorSummary problems={error.problems} linkFields={false} />
      {status >= 500 ? (
        <p class="reference">
          <strong>{t('errors.reference', { id: requestId })}</strong> {t('errors.referenceHint')}
        </p>
      ) : null}
      <p>
        <a href={href('/')}>{t('errors.backHome')}</a>
      </p>
    </div>
  );
}

export function problemMessage(t: FastifyRequest['t'], p: Problem): string {
  return t(p.key as TKey, { ...p.params, ...(p.label ? { field: t(p.label as TKey) } : {}) });
}

function wantsProblemJson(request: FastifyRequest): boolean {
  return request.plainPath.startsWith('/api/') || request.plainPath === '/api';
}

export async function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
  errors: ErrorCatalogue,
): Promise<FastifyReply> {
  const t = request.t;
  const status = errors.status(error.code);
  if (status === 429 && !reply.hasHeader('retry-after')) reply.header('retry-after', '60');
  if (wantsProblemJson(request)) {
    return reply
      .code(status)
      .type('application/problem+json; charset=utf-8')
      .send({
        type: `urn:spojnia:error:${error.code}`,
        title: t(`errors.${error.code}.title` as TKey, error.params),
        status,
        detail: t(`errors.${error.code}.detail` as TKey, error.params),
        instance: request.url.split('?')[0],
        requestId: request.id,
        ...(error.problems.length
          ? { errors: error.problems.map((p) => ({ field: p.field ?? null, message: problemMessage(t, p) })) }
          : {}),
      });
  }
  return sendPage(
    request,
    reply,
    { title: t(`errors.${error.code}.title` as TKey, error.params) },
    <ErrorView error={error} status={status} requestId={request.id} />,
    status,
  );
}

/** The error pages of one app: statuses come from the catalogue of its modules' declarations. */
export function registerErrorHandling(app: FastifyInstance, errors: ErrorCatalogue): void {
  app.setErrorHandler(async (err, request, reply) => {
    const appError = toAppError(err);
    const status = errors.status(appError.code);
    if (status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code: appError.code, status }, 'request refused');
    try {
      return await sendError(request, reply, appError, errors);
    } catch (renderErr) {
      // the error page itself failed (e.g. the database is down while building the footer)
      request.log.error({ err: renderErr }, 'error page failed');
      return reply.code(status).type('text/plain; charset=utf-8').send(`${status} — ${request.id}`);
    }
  });
  app.setNotFoundHandler(async (request, reply) => sendError(request, reply, new AppError('http.not_found'), errors));
}
