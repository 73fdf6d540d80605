// Sections other modules add to the annual report (the evaluation module's follow-up of
// recommendations), without the report importing them: they list a builder under
// `annualReportSections` in their AppModule's `contributes`. A builder returns the section's title
// and blocks of the domain-free document model (core/export), so the same section appears on the
// report page, in the PDF and in the Word file, after the objective tree's sections.
import type { ExportBlock } from '../../../core/export/index.js';
import type { ModuleContext } from '../../../core/module.js';
import type { Formatters, T } from '../../../i18n/index.js';

export interface AnnualReportSection {
  id: string;
  /** Sections follow the objective tree in ascending order. */
  order: number;
  /**
   * Every table `build` reads: a write to one of them changes the report's content version, so a
   * stored PDF or Word file is generated anew (report.test.ts checks the list against what a build reads).
   */
  tables: readonly string[];
  build(
    ctx: ModuleContext,
    programme: { id: string; slug: string; title: string },
    year: number,
    t: T,
    fmt: Formatters,
  ): Promise<{ title: string; blocks: ExportBlock[] } | null>;
}

declare module '../../../core/module.js' {
  interface ModuleContributions {
    /** Generated sections of the annual report after the objective tree (indicators). */
    annualReportSections: AnnualReportSection;
  }
}

export interface ReportExtra {
  id: string;
  title: string;
  blocks: ExportBlock[];
}

/** The contributed sections of this app for one report, in order (a later section with the same id wins). */
export async function reportExtras(
  ctx: ModuleContext,
  programme: { id: string; slug: string; title: string },
  year: number,
  t: T,
  fmt: Formatters,
): Promise<ReportExtra[]> {
  const byId = new Map(ctx.contributions.of('annualReportSections').map((s) => [s.id, s]));
  const sections = [...byId.values()].sort((a, b) => a.order - b.order);
  const built = await Promise.all(sections.map(async (s) => ({ id: s.id, part: await s.build(ctx, programme, year, t, fmt) })));
  return built.flatMap(({ id, part }) => (part ? [{ id, title: part.title, blocks: part.blocks }] : []));
}
