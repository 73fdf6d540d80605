// The territory module gives the platform its geography, yet the things placed on it (social
// economy entities, offers, events, indicator values) belong to other modules. They contribute
// through their AppModule's `contributes` (`territoryMeasures`, `profileSections`), without
// territory ever importing them: a count per gmina for the map and the white-spot rule, and a
// section of the territorial profile. Until a module contributes, the pages say that the data is
// not in the platform yet; nothing is shown as zero.
import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { ModuleContext } from '../../core/module.js';
import type { TKey } from '../../i18n/index.js';

/** Active social economy entities located in each gmina (registry module). */
export const ENTITIES_MEASURE = 'entities';
/** Offers holding a certificate (e.g. "Zakup Prospołeczny"), by the gmina of their provider. */
export const CERTIFIED_OFFERS_MEASURE = 'certified_offers';

export interface TerritoryMeasure {
  /**
   * `entities` and `certified_offers` have a meaning the territory module knows (per-10,000 rates,
   * white spots); any other id is shown on the map as an extra count.
   */
  id: string;
  /** Label of the measure on the map and in its legend, e.g. "Podmioty ekonomii społecznej". */
  labelKey: TKey;
  /** Position among extra measures (smaller first). */
  order?: number;
  /**
   * The number of things located in each gmina (7-digit TERYT → count). A gmina missing from the
   * map counts as 0: contributing says "this registry is the whole truth about its things". Called
   * on every view of the map and the white spots, so keep it to one grouped query.
   */
  countByGmina(ctx: ModuleContext): Promise<Map<string, number>>;
  /**
   * Gminy where the count is not known although things are there (entities whose activity nobody
   * has checked): a zero there is "unknown", not "none", for the white-spot rule.
   */
  unknownIn?(ctx: ModuleContext): Promise<ReadonlySet<string>>;
}

/** The unit a profile is shown for; a powiat's sections cover all of its gminy. */
export interface ProfileUnit {
  teryt: string;
  kind: 'powiat' | 'gmina';
  name: string;
  /** 7-digit codes of the gminy the section should cover (one for a gmina profile). */
  gminy: readonly string[];
}

export interface ProfileSection {
  /**
   * `entities`, `offers`, `events` and `indicators` replace the profile's placeholders of the same
   * id; any other id adds a section.
   */
  id: string;
  order: number;
  titleKey: TKey;
  /** The section's content below its heading; when there is nothing, it should say so in words. */
  render(ctx: ModuleContext, request: FastifyRequest, unit: ProfileUnit): Promise<VNode>;
}

declare module '../../core/module.js' {
  interface ModuleContributions {
    /** Per-gmina counts for the territory map and the white spots (territory). */
    territoryMeasures: TerritoryMeasure;
    /** Sections of the territorial profiles of powiaty and gminy (territory). */
    profileSections: ProfileSection;
  }
}

/** The measures of this app, by id (a later module's measure with the same id wins). */
function measuresById(ctx: ModuleContext): Map<string, TerritoryMeasure> {
  return new Map(ctx.contributions.of('territoryMeasures').map((m) => [m.id, m]));
}

export function territoryMeasure(ctx: ModuleContext, id: string): TerritoryMeasure | undefined {
  return measuresById(ctx).get(id);
}

export function territoryMeasures(ctx: ModuleContext): TerritoryMeasure[] {
  return [...measuresById(ctx).values()].sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.id.localeCompare(b.id));
}

function sectionsById(ctx: ModuleContext): Map<string, ProfileSection> {
  return new Map(ctx.contributions.of('profileSections').map((s) => [s.id, s]));
}

export function profileSection(ctx: ModuleContext, id: string): ProfileSection | undefined {
  return sectionsById(ctx).get(id);
}

export function profileSections(ctx: ModuleContext): ProfileSection[] {
  return [...sectionsById(ctx).values()].sort((a, b) => a.order - b.order);
}
