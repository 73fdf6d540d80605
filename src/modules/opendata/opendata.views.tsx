// The open-data page: one section per dataset with its description, formats (each a link), licence
// and the time its data last changed, and where the API is documented.
import { PageHeader } from '../../core/ui/components.js';
import { usePage } from '../../core/ui/context.js';
import type { DatasetFormat, OpenDataset } from './extension.js';
import { OPEN_DATA_LICENCE } from './licence.js';

export interface DatasetView {
  dataset: Pick<OpenDataset, 'id' | 'titleKey' | 'descriptionKey'> & { formats: DatasetFormat[] };
  lastChanged: string | null;
}

export function OpenDataView({ datasets }: { datasets: DatasetView[] }) {
  const { t, href, fmt } = usePage();
  return (
    <>
      <PageHeader title={t('opendata.title')} />
      <p>{t('opendata.intro')}</p>
      <p>{t('opendata.example')}</p>
      <p>
        {t('opendata.licenceIntro')} <a href={OPEN_DATA_LICENCE.url}>{OPEN_DATA_LICENCE.name}</a> ({OPEN_DATA_LICENCE.id}).
      </p>
      <p>
        <a href="/api/docs">{t('opendata.apiDocs')}</a> (<a href="/api/openapi.json">OpenAPI</a>)
      </p>
      {datasets.length === 0 ? <p>{t('opendata.none')}</p> : null}
      {datasets.map(({ dataset, lastChanged }) => (
        <section key={dataset.id} id={`zbior-${dataset.id}`} aria-labelledby={`zbior-${dataset.id}-title`}>
          <h2 id={`zbior-${dataset.id}-title`}>{t(dataset.titleKey)}</h2>
          <p>{t(dataset.descriptionKey)}</p>
          <dl>
            <dt>{t('opendata.formats')}</dt>
            <dd>
              <ul class="plain">
                {dataset.formats.map((f) => (
                  <li key={f.path}>
                    <a href={f.path.startsWith('/api/') ? f.path : href(f.path)} type={f.mediaType}>
                      {f.format}
                    </a>{' '}
                    <code>{f.path}</code>
                  </li>
                ))}
              </ul>
            </dd>
            <dt>{t('opendata.licence')}</dt>
            <dd>
              <a href={OPEN_DATA_LICENCE.url}>{OPEN_DATA_LICENCE.id}</a>
            </dd>
            <dt>{t('opendata.lastChanged')}</dt>
            <dd>{lastChanged ? <time dateTime={lastChanged}>{fmt.dateTime(lastChanged)}</time> : t('opendata.empty')}</dd>
          </dl>
        </section>
      ))}
    </>
  );
}
