// Where an entity is, for the small map on its public page: the seat gmina, its powiat and OWES
// subregion in words, and a marker per place of activity. Everything comes from what the page
// already loaded (the entity, its places) and from per-process caches (territory names and
// subregions, projected boundaries), so the map adds no SQL statement to the request.
import type { ModuleContext } from '../../../core/module.js';
import { isCityPowiat, mapGeometry } from '../../territory/index.js';
import type { PlaceRow } from '../entity/record.repo.js';
import { territoryIndex } from './registry.catalogue.js';
import type { EntityRow } from '../entity/registry.repo.js';

export interface LocationMarker {
  x: number;
  y: number;
  /** The places drawn at this point (several places without coordinates share a gmina centre). */
  places: string[];
  /** True when the point is the centre of a gmina rather than the place's own coordinates. */
  approximate: boolean;
}

export interface EntityLocation {
  gmina: { teryt: string; name: string; type: '1' | '2' | '3' };
  powiat: { teryt: string; name: string; isCity: boolean } | null;
  subregion: { pl: string; en: string } | null;
  /** Null when the boundaries are not loaded or the gmina is not among them. */
  map: {
    width: number;
    height: number;
    /** Every powiat of the voivodeship, as one light path. */
    outlines: string;
    /** The other gminy of the seat's powiat, thin lines for context. */
    context: string;
    /** The seat gmina. */
    highlight: string;
    markers: LocationMarker[];
  } | null;
}

/** A place's label in the text alternative: its town, else its address, else its gmina. */
function placeLabel(p: Pick<PlaceRow, 'town' | 'address' | 'gmina_teryt'>, names: Map<string, string>): string {
  return p.town ?? p.address ?? (p.gmina_teryt ? (names.get(p.gmina_teryt) ?? p.gmina_teryt) : '');
}

/**
 * The seat gmina with its powiat and subregion, and the map's shapes and markers; null for an
 * entity without a (known) seat gmina — the page then shows no map.
 */
export async function entityLocation(
  ctx: Pick<ModuleContext, 'db' | 'database' | 'clock'>,
  entity: Pick<EntityRow, 'gmina_teryt' | 'town'>,
  places: readonly Pick<PlaceRow, 'gmina_teryt' | 'town' | 'address' | 'lat' | 'lon'>[],
): Promise<EntityLocation | null> {
  const teryt = entity.gmina_teryt;
  if (!teryt) return null;
  const [territory, geometry] = await Promise.all([territoryIndex(ctx), mapGeometry(ctx.db)]);
  const gminaName = territory.names.get(teryt);
  if (!gminaName) return null;
  const powiatTeryt = teryt.slice(0, 4);
  const powiatName = territory.names.get(powiatTeryt);
  const subregion = territory.subregions.find((s) => s.powiaty.includes(powiatTeryt));
  const type = teryt.slice(-1);
  const location: EntityLocation = {
    gmina: { teryt, name: gminaName, type: type === '1' || type === '2' ? type : '3' },
    powiat: powiatName ? { teryt: powiatTeryt, name: powiatName, isCity: isCityPowiat(powiatTeryt) } : null,
    subregion: subregion ? subregion.name : null,
    map: null,
  };
  const locator = geometry.locator;
  const highlight = locator.gminy.paths.get(teryt);
  if (!highlight) return location;

  const markers = new Map<string, LocationMarker>();
  const put = (at: [number, number], label: string, approximate: boolean) => {
    const key = `${at[0]},${at[1]}`;
    const hit = markers.get(key);
    if (hit) {
      if (label && !hit.places.includes(label)) hit.places.push(label);
    } else markers.set(key, { x: at[0], y: at[1], places: label ? [label] : [], approximate });
  };
  for (const p of places) {
    const own = p.lat !== null && p.lon !== null ? locator.point(p.lon, p.lat) : null;
    // coordinates outside the voivodeship (or none) fall back to the centre of the place's gmina
    const at = own ?? (p.gmina_teryt ? locator.gminy.centres.get(p.gmina_teryt) : undefined);
    if (at) put(at, placeLabel(p, territory.names), own === null);
  }
  if (markers.size === 0) {
    const centre = locator.gminy.centres.get(teryt);
    if (centre) put(centre, entity.town ?? gminaName, true);
  }
  const context = [...locator.gminy.paths]
    .filter(([t]) => t !== teryt && t.startsWith(powiatTeryt))
    .map(([, d]) => d)
    .join('');
  location.map = {
    width: locator.width,
    height: locator.height,
    outlines: locator.powiatOutlines,
    context,
    highlight,
    markers: [...markers.values()],
  };
  return location;
}
