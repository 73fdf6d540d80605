// English strings of the registry catalogue's newer parts (merged into en.ts), typed against Polish.
import type { registryCataloguePl } from '../pl/registry-catalogue.js';
import type { TranslationShape } from '../types.js';

export const registryCatalogueEn: TranslationShape<typeof registryCataloguePl> = {
  registryCatalogue: {
    facetSubregion: 'Subregion',
    facetSector: 'Sector',
    facetActivity: 'Kind of paid activity',
    rankedPart_one:
      'The most relevant results were chosen from the first {{value}} matching entity. To see all of them, narrow the search or sort alphabetically.',
    rankedPart_other:
      'The most relevant results were chosen from the first {{value}} matching entities. To see all of them, narrow the search or sort alphabetically.',
    forgiving: {
      placeNote: 'Searching in:',
      placeGmina: 'gmina {{name}}',
      placePowiat: 'powiat {{name}}',
      placeCity: '{{name}} (town)',
      placeTown: '{{name}} (town in gmina {{gmina}})',
      placeGminaOfType: '{{type}} {{name}}',
      placeInPowiat: '{{label}} (powiat {{powiat}})',
      placeOr: 'or',
      placeTownScope: 'The registry records the gmina of an entity’s seat, so the results cover the whole gmina the town lies in.',
      placeSeveral: 'The name “{{name}}” means more than one place, so we search in all of them. Search only in:',
      placeOthers: 'The name “{{name}}” also means:',
      placeRemove: 'remove',
      placeRemoveLabel: 'Remove the limit to the place “{{place}}” and search these words in the whole registry',
      relaxed: 'No entities match all the words; showing entities that match some of them: {{words}}.',
      relaxedHeading: 'Entities matching some of the words',
      relaxedCaption: 'Entities matching some of the words, those matching the most first',
      didYouMean: 'Did you mean',
    },
    showMap: 'Show the results on a map',
    showList: 'Show the results as a list',
    synthetic: 'synthetic data',
    syntheticNotice: 'This is a synthetic entity: generated automatically for performance tests. It does not really exist.',
    map: {
      title: 'Map of social economy entities',
      intro:
        'The map shows the entities of the current search by the gmina of their seat. Neighbouring gminy are grouped; each group leads to the list of its entities. The table below the map has the same numbers.',
      svgTitle: 'Map of the Kuyavian-Pomeranian voivodeship with the number of entities in gminy',
      svgDesc_one: 'Entities of the search in {{count}} group of gminy. Each group is a link to the list of entities.',
      svgDesc_few: 'Entities of the search in {{count}} groups of gminy. Each group is a link to the list of entities.',
      svgDesc_many: 'Entities of the search in {{count}} groups of gminy. Each group is a link to the list of entities.',
      svgDesc_other: 'Entities of the search in {{count}} groups of gminy. Each group is a link to the list of entities.',
      cluster_one: '{{places}}: {{count}} entity',
      cluster_few: '{{places}}: {{count}} entities',
      cluster_many: '{{places}}: {{count}} entities',
      cluster_other: '{{places}}: {{count}} entities',
      tableCaption: 'Entities of the search by the gmina of their seat',
      gmina: 'Gmina',
      count: 'Number of entities',
      list: 'List',
      listLink: 'entities in {{name}}',
      withoutGmina_one: '{{count}} entity without a known gmina is not shown on the map.',
      withoutGmina_few: '{{count}} entities without a known gmina are not shown on the map.',
      withoutGmina_many: '{{count}} entities without a known gmina are not shown on the map.',
      withoutGmina_other: '{{count}} entities without a known gmina are not shown on the map.',
      none: 'No entity with a known seat gmina matches the search.',
      moreGminy_one: '{{first}} and {{count}} more',
      moreGminy_other: '{{first}} and {{count}} more',
    },
  },
};
