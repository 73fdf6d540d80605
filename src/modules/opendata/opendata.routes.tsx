// Route of the open-data module: the `/dane` page, public and in both languages (the datasets come
// from the modules' `openDatasets` contributions, their times from each dataset's own query).
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { openDatasets } from './extension.js';
import { OpenDataView } from './opendata.views.js';

export async function opendataRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  app.get('/dane', { config: { access: 'public', pageCache: true } }, async (request, reply) => {
    const datasets = await Promise.all(
      openDatasets(ctx).map(async (dataset) => {
        const [formats, lastChanged] = await Promise.all([
          typeof dataset.formats === 'function' ? dataset.formats(ctx) : dataset.formats,
          dataset.lastChanged(ctx),
        ]);
        return { dataset: { ...dataset, formats }, lastChanged };
      }),
    );
    return sendPage(request, reply, { title: request.t('opendata.title') }, <OpenDataView datasets={datasets} />);
  });
}
