// The territory module gives the platform its geography, yet the things placed on it (social
// economy entities, offers, events, indicator values) belong to other modules. They contribute
// here, through territory's index.ts, without territory ever importing them: a count per gmina
// for the map and the white-spot rule, and a section of the territorial profile. Until a module
// registers, the pages say that the data is not in the platform yet; nothing is shown as zero.
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
   * map counts as 0: registering says "this registry is the whole truth about its things". Called
   * on every view of the map and the white spots, so keep it to one grouped query.
   */
  countByGmina(ctx: ModuleContext): Promise<Map<string, number>>;
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

const MEASURES = new Map<string, TerritoryMeasure>();
const SECTIONS = new Map<string, ProfileSection>();

/** Registers (or replaces) a per-gmina count; returns a function that removes it again. */
export function registerTerritoryMeasure(measure: TerritoryMeasure): () => void {
  MEASURES.set(measure.id, measure);
  return () => {
    if (MEASURES.get(measure.id) === measure) MEASURES.delete(measure.id);
  };
}

export function territoryMeasure(id: string): TerritoryMeasure | undefined {
  return MEASURES.get(id);
}

export function territoryMeasures(): TerritoryMeasure[] {
  return [...MEASURES.values()].sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.id.localeCompare(b.id));
}

/** Registers (or replaces) a profile section; returns a function that removes it again. */
export function registerProfileSection(section: ProfileSection): () => void {
  SECTIONS.set(section.id, section);
  return () => {
    if (SECTIONS.get(section.id) === section) SECTIONS.delete(section.id);
  };
}

export function profileSection(id: string): ProfileSection | undefined {
  return SECTIONS.get(id);
}

export function profileSections(): ProfileSection[] {
  return [...SECTIONS.values()].sort((a, b) => a.order - b.order);
}

/**
 * For tests: sets aside everything registered so far (e.g. by modules the test app loaded), so a
 * test sees the pages as they are before any module contributes; the returned function puts the
 * registrations back.
 */
export function isolateTerritoryExtensions(): () => void {
  const measures = new Map(MEASURES);
  const sections = new Map(SECTIONS);
  MEASURES.clear();
  SECTIONS.clear();
  return () => {
    MEASURES.clear();
    SECTIONS.clear();
    for (const [k, v] of measures) MEASURES.set(k, v);
    for (const [k, v] of sections) SECTIONS.set(k, v);
  };
}
