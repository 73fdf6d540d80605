// The maps, drawn on the server as SVG: the voivodeship's 144 gminy (or its 23 powiaty) as links to
// their profiles, each with a <title> naming it and its value; the legend as an HTML list with the real ranges in
// words; the small locator map of a profile. Full maps name the main towns (drawn only: hidden
// from assistive technology and from the pointer, the tables carry the data) and may show only a
// part of the region (a `viewBox` zoomed to a powiat, with a link back to the whole). No script is
// needed to read or use any of them; /assets/js/map.js only adds a highlight on hover and keyboard focus.
import type { ComponentChildren } from 'preact';
import { usePage } from '../../core/ui/context.js';
import { TOWN_FONT, type MapView, type Projected, type TownLabel } from './map.geometry.js';
import { BORDER, HATCH_LINE } from './map.style.js';
import type { LegendItem } from './territory.service.js';

export const HATCH_ID = 'territory-hatch';

export interface MapShape {
  teryt: string;
  href: string;
  /** Accessible name and tooltip, e.g. "Brodnica (gmina wiejska): 12". */
  label: string;
  /** A colour, or null for "no data" (hatched). */
  fill: string | null;
}

function Hatch({ scale }: { scale: number }) {
  return (
    <pattern
      id={HATCH_ID}
      width="7"
      height="7"
      patternUnits="userSpaceOnUse"
      patternTransform={scale === 1 ? 'rotate(45)' : `rotate(45) scale(${scale})`}
    >
      <rect width="7" height="7" fill="#ffffff" />
      <path d="M0 0V7" stroke={HATCH_LINE} stroke-width="2.2" />
    </pattern>
  );
}

const round = (v: number) => Math.round(v * 100) / 100;

/** The `viewBox` of a map of this size showing `view` (or all of it), and how much of it one unit of the full map is. */
export function viewBoxOf(size: { width: number; height: number }, view?: MapView | null): { viewBox: string; scale: number } {
  if (!view) return { viewBox: `0 0 ${size.width} ${size.height}`, scale: 1 };
  return { viewBox: `${view.x} ${view.y} ${view.width} ${view.height}`, scale: Math.round((view.width / size.width) * 10_000) / 10_000 };
}

/**
 * The main towns' names with a dot at each, drawn at the same apparent size whatever the zoom
 * (`scale`: the shown width over the full width). Hidden from assistive technology (the data
 * tables and the areas' own names carry the information) and transparent to the pointer, so the
 * gmina under a name stays clickable; a white halo (`paint-order: stroke`) keeps them readable.
 */
export function TownLabels({ towns, scale }: { towns: readonly TownLabel[]; scale: number }) {
  if (towns.length === 0) return null;
  const gap = 6 * scale;
  return (
    <g class="map-towns" aria-hidden="true" pointer-events="none" fill="#1b1b1b">
      {towns.map((town) => {
        const size = round((town.major ? TOWN_FONT.major : TOWN_FONT.minor) * scale);
        const at =
          town.side === 'above'
            ? { x: town.x, y: round(town.y - gap), anchor: 'middle', dy: '-0.15em' }
            : town.side === 'below'
              ? { x: town.x, y: round(town.y + gap), anchor: 'middle', dy: '0.85em' }
              : town.side === 'right'
                ? { x: round(town.x + gap), y: town.y, anchor: 'start', dy: '0.35em' }
                : { x: round(town.x - gap), y: town.y, anchor: 'end', dy: '0.35em' };
        return (
          <g key={town.teryt} class={town.major ? 'map-town map-town--major' : 'map-town map-town--minor'} data-town={town.teryt}>
            <circle cx={town.x} cy={town.y} r={round(2.5 * scale)} stroke="#ffffff" stroke-width={round(scale)} />
            <text
              x={at.x}
              y={at.y}
              dy={at.dy}
              text-anchor={at.anchor}
              font-size={size}
              font-weight={town.major ? 'bold' : 'normal'}
              stroke="#ffffff"
              stroke-width={round(3 * scale)}
              stroke-linejoin="round"
              paint-order="stroke"
            >
              {town.name}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** Under a map zoomed to a part of the region: what it shows, and the link to the whole voivodeship. */
export function MapZoomNote({ area, wholeHref }: { area: string; wholeHref: string }) {
  const { t } = usePage();
  return (
    <p class="map-zoom-note">
      {t('territory.zoom.showing', { area })} <a href={wholeHref}>{t('territory.zoom.whole')}</a>
    </p>
  );
}

/**
 * The full map. Not `role="img"`: an image's children are presentational, which would hide the
 * 144 links from assistive technology; as a group the links stay reachable and named.
 */
export function TerritoryMap({
  id,
  units,
  powiatBorders,
  shapes,
  title,
  desc,
  towns,
  view,
  outline,
}: {
  id: string;
  /** The areas drawn and linked: the gminy, or the powiaty of a map shaded per powiat. */
  units: Projected;
  powiatBorders: string;
  shapes: MapShape[];
  title: string;
  desc: string;
  /** The main towns' names (`MapGeometry.towns`). */
  towns: readonly TownLabel[];
  /** Only this part of the map (e.g. the chosen powiat, see `focusView`); the whole region when absent. */
  view?: MapView | null;
  /** Path data drawn bold over the areas: the outline of the powiat zoomed to. */
  outline?: string;
}) {
  const { viewBox, scale } = viewBoxOf(units, view);
  return (
    <svg
      class={view ? 'territory-map territory-map--zoomed' : 'territory-map'}
      id={id}
      role="group"
      viewBox={viewBox}
      width={units.width}
      height={units.height}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      data-territory-map=""
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      <defs>
        <Hatch scale={scale} />
      </defs>
      <g class="territory-map__units" stroke={BORDER} stroke-width="0.7" stroke-linejoin="round">
        {shapes.map((s) => {
          const d = units.paths.get(s.teryt);
          if (!d) return null;
          return (
            <a key={s.teryt} href={s.href} class="territory-map__unit">
              <title>{s.label}</title>
              <path id={`${id}-${s.teryt}`} d={d} fill={s.fill ?? `url(#${HATCH_ID})`} fill-rule="evenodd" />
            </a>
          );
        })}
      </g>
      {powiatBorders ? (
        <path
          class="territory-map__powiaty"
          d={powiatBorders}
          fill="none"
          stroke={BORDER}
          stroke-width="1.8"
          stroke-linejoin="round"
          vector-effect="non-scaling-stroke"
          aria-hidden="true"
        />
      ) : null}
      {outline ? (
        <path
          class="territory-map__focus"
          d={outline}
          fill="none"
          stroke={BORDER}
          stroke-width="3.5"
          stroke-linejoin="round"
          vector-effect="non-scaling-stroke"
          aria-hidden="true"
          pointer-events="none"
        />
      ) : null}
      <TownLabels towns={towns} scale={scale} />
    </svg>
  );
}

function Swatch({ fill }: { fill: string | null }) {
  return (
    <svg class="legend-swatch" width="30" height="20" viewBox="0 0 30 20" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="28" height="18" fill={fill ?? `url(#${HATCH_ID})`} stroke={BORDER} stroke-width="1.5" />
    </svg>
  );
}

export function MapLegend({
  items,
  heading,
  decimals,
  unit = 'gmina',
}: {
  items: LegendItem[];
  heading: string;
  decimals: number;
  /** What the counts count: gminy, or the powiaty of a map shaded per powiat. */
  unit?: 'gmina' | 'powiat';
}) {
  const { t, fmt } = usePage();
  const countKey = unit === 'powiat' ? 'territory.powiatyCount' : 'territory.gminyCount';
  const n = (v: number) => fmt.number(Math.round(v * 10 ** decimals) / 10 ** decimals);
  const text = (item: LegendItem): ComponentChildren => {
    switch (item.kind) {
      case 'range':
        return item.min === item.max ? n(item.min) : t('territory.legend.range', { min: n(item.min), max: n(item.max) });
      case 'category':
        return item.label;
      case 'status':
        return t(item.labelKey);
      case 'nodata':
        return t('territory.legend.noData');
    }
  };
  return (
    <div class="map-legend">
      <p class="map-legend__heading" id="map-legend-heading">
        {heading}
      </p>
      <ul aria-labelledby="map-legend-heading">
        {items.map((item, i) => (
          <li key={i}>
            <Swatch fill={item.kind === 'nodata' ? null : item.fill} />
            <span>
              {text(item)} <span class="map-legend__count">({t(countKey, { count: item.count })})</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The small map of a profile: the powiaty, the unit filled dark and ringed so a tiny gmina shows. */
export function LocatorMap({
  locator,
  teryt,
  kind,
  label,
}: {
  locator: { width: number; height: number; powiaty: Projected; gminy: Projected; powiatOutlines: string };
  teryt: string;
  kind: 'powiat' | 'gmina';
  label: string;
}) {
  const layer = kind === 'powiat' ? locator.powiaty : locator.gminy;
  const d = layer.paths.get(teryt);
  const centre = layer.centres.get(teryt);
  return (
    <svg
      class="locator-map"
      viewBox={`0 0 ${locator.width} ${locator.height}`}
      width={locator.width}
      height={locator.height}
      role="img"
      aria-labelledby="locator-title"
    >
      <title id="locator-title">{label}</title>
      <path d={locator.powiatOutlines} fill="#f2f2f2" stroke="#595959" stroke-width="0.8" stroke-linejoin="round" />
      {d ? <path d={d} fill="#0b4f6c" stroke={BORDER} stroke-width="0.8" fill-rule="evenodd" /> : null}
      {centre ? <circle cx={centre[0]} cy={centre[1]} r="9" fill="none" stroke="#b00020" stroke-width="2.5" /> : null}
    </svg>
  );
}
