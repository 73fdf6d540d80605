// English strings of the small location map on the public entity page (merged into en.ts),
// typed against the Polish ones.
import type { registryLocationPl } from '../pl/registry-location.js';
import type { TranslationShape } from '../types.js';

export const registryLocationEn: TranslationShape<typeof registryLocationPl> = {
  registryLocation: {
    heading: 'Location',
    gmina: '{{name}} ({{type}})',
    city: 'city with powiat rights {{name}}',
    line: 'Gmina: {{gmina}}; {{powiat}}; OWES subregion: {{subregion}}.',
    lineNoPowiat: 'Gmina: {{gmina}}; OWES subregion: {{subregion}}.',
    noSubregion: 'not set',
    mapTitle: 'Location map: gmina {{gmina}}, {{powiat}}',
    mapTitleNoPowiat: 'Location map: gmina {{gmina}}',
    mapDesc:
      'Map of the Kujawsko-Pomorskie voivodeship with powiat borders. Highlighted (dark fill): the gmina of the seat, {{gmina}}; thin lines are the other gminy of its powiat.',
    markers_one: 'A round marker shows {{count}} place: {{places}}.',
    markers_few: 'Round markers show {{count}} places: {{places}}.',
    markers_many: 'Round markers show {{count}} places: {{places}}.',
    markers_other: 'Round markers show {{count}} places: {{places}}.',
    approximate: 'Places without coordinates are marked at the centre of their gmina.',
    showOnMap: 'Show on the map of entities',
  },
};
