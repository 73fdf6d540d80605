// Routes of the staff CSV import (/admin/podmioty/import). Thin: read the upload or form, call
// import.jobs.ts, render or redirect. The routes live in their own Fastify scope with
// @fastify/multipart, so the upload limits apply here only; the file is read after the access
// check (a stranger's upload is never read) and before the CSRF check, which needs the form fields.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Problem } from '../../../core/errors/app-error.js';
import { formBody, formProblems } from '../../../core/http/forms.js';
import { localize } from '../../../core/http/language.js';
import { sendPage } from '../../../core/http/render.js';
import type { AppInstance } from '../../../core/http/types.js';
import type { ModuleContext } from '../../../core/module.js';
import { auditFromRequest } from '../../audit/index.js';
import {
  checkImportJob,
  createImportJob,
  importJobsSettled,
  importJobView,
  listImportJobs,
  mappingFromForm,
  MAX_IMPORT_BYTES,
  startImportJob,
} from './import.jobs.js';
import { IMPORT_PATH, ImportJobPageView, ImportUploadView } from './import.views.js';
import { manageRegistry } from '../registry.policy.js';
import { readUpload, registerUploads, uploadedFile } from '../../../core/http/uploads.js';

const FormBody = formBody({ maxLength: 200, maxProperties: 300 });
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export async function importRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  // finishing imports are waited for, so the database is never closed under a running batch
  app.addHook('onClose', async () => importJobsSettled(ctx));
  await app.register(async (scope: AppInstance) => {
    await registerUploads(scope);
    const config = { access: manageRegistry };
    const title = (request: FastifyRequest) => request.t('registryImport.title');
    const crumbs = (request: FastifyRequest, last?: string) => [
      { label: request.t('registry.admin.title'), path: '/admin/podmioty' },
      ...(last ? [{ label: title(request), path: IMPORT_PATH }, { label: last }] : []),
    ];
    const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);

    const uploadPage = async (request: FastifyRequest, reply: FastifyReply, problems: Problem[] = [], status = 200) =>
      sendPage(
        request,
        reply,
        { heading: true, title: title(request), breadcrumbs: crumbs(request) },
        <ImportUploadView csrf={reply.generateCsrf()} problems={problems} jobs={await listImportJobs(ctx)} />,
        status,
      );

    scope.get(IMPORT_PATH, { config }, async (request, reply) => uploadPage(request, reply));

    scope.post(
      IMPORT_PATH,
      {
        config,
        preValidation: readUpload({ fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5, fieldSize: 1000, parts: 6, headerPairs: 50 }),
      },
      async (request, reply) => {
        const file = uploadedFile(request, 'file');
        let id: string;
        try {
          id = await createImportJob(
            ctx,
            { fileName: file?.filename ?? '', data: file?.data ?? null, truncated: file?.truncated ?? false },
            auditFromRequest(request),
          );
        } catch (err) {
          const { problems, status } = formProblems(err);
          return uploadPage(request, reply, problems, status);
        }
        return go(request, reply, `${IMPORT_PATH}/${id}`);
      },
    );

    scope.get(`${IMPORT_PATH}/:id`, { config, schema: { params: IdParams } }, async (request, reply) => {
      const job = await importJobView(ctx, request.params.id);
      return sendPage(
        request,
        reply,
        { heading: true, title: `${title(request)}: ${job.fileName}`, breadcrumbs: crumbs(request, job.fileName) },
        <ImportJobPageView csrf={reply.generateCsrf()} job={job} />,
      );
    });

    scope.post(`${IMPORT_PATH}/:id/sprawdz`, { config, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
      const { id } = request.params;
      const job = await importJobView(ctx, id);
      await checkImportJob(ctx, id, mappingFromForm(job.headers, request.body), auditFromRequest(request));
      return go(request, reply, `${IMPORT_PATH}/${id}`);
    });

    scope.post(`${IMPORT_PATH}/:id/importuj`, { config, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
      const { id } = request.params;
      await startImportJob(ctx, id, auditFromRequest(request));
      return go(request, reply, `${IMPORT_PATH}/${id}`);
    });
  });
}
