// The open-data catalogue's extension point: a module that publishes a dataset (files to download,
// an API) lists it under `openDatasets` in its AppModule's `contributes`, with its formats and how
// to find when its data last changed. The `/dane` page reads them from the app it runs in, so it
// never imports the modules whose data it lists, and a module left out leaves its dataset out.
import type { ModuleContext } from '../../core/module.js';
import type { TKey } from '../../i18n/index.js';

export interface DatasetFormat {
  /** Shown as is: `CSV`, `JSON`, `API`. */
  format: string;
  /** Path of the download or the endpoint (Polish, as registered; the page localises it). */
  path: string;
  mediaType: string;
}

export interface OpenDataset {
  /** Unique among the datasets; the page's anchor. */
  id: string;
  /** Position on the page, smaller first. */
  order: number;
  titleKey: TKey;
  descriptionKey: TKey;
  /** Fixed formats, or a function for datasets whose addresses depend on the data (one per programme). */
  formats: DatasetFormat[] | ((ctx: ModuleContext) => Promise<DatasetFormat[]>);
  /** ISO-8601 time of the data's last change; null when the dataset holds nothing yet. */
  lastChanged(ctx: ModuleContext): Promise<string | null>;
}

declare module '../../core/module.js' {
  interface ModuleContributions {
    /** Datasets on the open-data page (opendata). */
    openDatasets: OpenDataset;
  }
}

/** The datasets the modules of this app publish, in page order. */
export function openDatasets(ctx: ModuleContext): OpenDataset[] {
  return [...ctx.contributions.of('openDatasets')].sort((a, b) => a.order - b.order);
}
