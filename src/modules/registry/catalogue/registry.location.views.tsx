// The "Location" section of the public entity page: a line naming the gmina, powiat and OWES
// subregion, and a small server-drawn SVG of the voivodeship (powiaty light, the seat gmina dark,
// a round marker per place). The picture is one image (`role="img"`) whose title and description
// say the same in words, so nothing depends on seeing the colours; colours are SVG presentation
// attributes, which the strict CSP allows (no style attributes).
import { usePage } from '../../../core/ui/context.js';
import type { TKey } from '../../../i18n/index.js';
import type { EntityLocation } from './registry.location.js';

/** How many place names the description lists before it stops with an ellipsis. */
const MAX_NAMED_PLACES = 10;

export function EntityLocationSection({ location }: { location: EntityLocation }) {
  const { t, href, lang } = usePage();
  const g = location.gmina;
  const gmina = t('registryLocation.gmina', { name: g.name, type: t(`territory.gminaType.${g.type}` as TKey) });
  const powiat = location.powiat
    ? location.powiat.isCity
      ? t('registryLocation.city', { name: location.powiat.name })
      : t('territory.powiatName', { name: location.powiat.name })
    : null;
  const subregion = location.subregion
    ? lang === 'en'
      ? location.subregion.en
      : location.subregion.pl
    : t('registryLocation.noSubregion');
  const map = location.map;
  const places = map ? map.markers.flatMap((m) => m.places) : [];
  const named = places.length > MAX_NAMED_PLACES ? `${places.slice(0, MAX_NAMED_PLACES).join(', ')}, …` : places.join(', ');
  const approximate = map ? map.markers.some((m) => m.approximate) : false;
  return (
    <section aria-labelledby="entity-location-heading" class="entity-location">
      <h2 id="entity-location-heading">{t('registryLocation.heading')}</h2>
      <p class="entity-location__line">
        {powiat ? t('registryLocation.line', { gmina, powiat, subregion }) : t('registryLocation.lineNoPowiat', { gmina, subregion })}
      </p>
      {map ? (
        <svg
          class="locator-map entity-location__map"
          viewBox={`0 0 ${map.width} ${map.height}`}
          width={map.width}
          height={map.height}
          role="img"
          aria-labelledby="entity-map-title"
          aria-describedby="entity-map-desc"
          data-entity-map={g.teryt}
        >
          <title id="entity-map-title">
            {powiat ? t('registryLocation.mapTitle', { gmina, powiat }) : t('registryLocation.mapTitleNoPowiat', { gmina })}
          </title>
          <desc id="entity-map-desc">
            {t('registryLocation.mapDesc', { gmina })}{' '}
            {places.length ? t('registryLocation.markers', { count: places.length, places: named }) : ''}
            {approximate ? ` ${t('registryLocation.approximate')}` : ''}
          </desc>
          <path d={map.outlines} fill="#f2f2f2" stroke="#595959" stroke-width="0.8" stroke-linejoin="round" />
          {map.context ? <path d={map.context} fill="none" stroke="#8c8c8c" stroke-width="0.4" stroke-linejoin="round" /> : null}
          <path
            class="entity-location__gmina"
            d={map.highlight}
            fill="#0b4f6c"
            stroke="#1b1b1b"
            stroke-width="0.8"
            fill-rule="evenodd"
            data-gmina={g.teryt}
          />
          {map.markers.map((m) => (
            <circle
              key={`${m.x},${m.y}`}
              class="entity-location__marker"
              cx={m.x}
              cy={m.y}
              r="5"
              fill="#b00020"
              stroke="#ffffff"
              stroke-width="1.5"
            />
          ))}
        </svg>
      ) : null}
      <p>
        <a href={href(`/podmioty/mapa?gmina=${g.teryt}`)}>{t('registryLocation.showOnMap')}</a>
      </p>
    </section>
  );
}
