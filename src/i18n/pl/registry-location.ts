// Polish strings of the small location map on the public entity page (merged into pl.ts): the
// heading, the gmina/powiat/subregion line, and the map's text alternative, which says in words
// what the highlighted gmina and the markers show. Kept apart so the map changes on its own.

export const registryLocationPl = {
  registryLocation: {
    heading: 'Położenie',
    gmina: '{{name}} ({{type}})',
    city: 'miasto na prawach powiatu {{name}}',
    line: 'Gmina: {{gmina}}; {{powiat}}; subregion OWES: {{subregion}}.',
    lineNoPowiat: 'Gmina: {{gmina}}; subregion OWES: {{subregion}}.',
    noSubregion: 'nie określono',
    mapTitle: 'Mapa położenia: gmina {{gmina}}, {{powiat}}',
    mapTitleNoPowiat: 'Mapa położenia: gmina {{gmina}}',
    mapDesc:
      'Mapa województwa kujawsko-pomorskiego z granicami powiatów. Wyróżniona (ciemne wypełnienie) gmina siedziby: {{gmina}}; cienkie linie to pozostałe gminy tego powiatu.',
    markers_one: 'Okrągły znacznik wskazuje {{count}} miejsce: {{places}}.',
    markers_few: 'Okrągłe znaczniki wskazują {{count}} miejsca: {{places}}.',
    markers_many: 'Okrągłe znaczniki wskazują {{count}} miejsc: {{places}}.',
    markers_other: 'Okrągłe znaczniki wskazują {{count}} miejsca: {{places}}.',
    approximate: 'Miejsca bez podanych współrzędnych zaznaczono w środku ich gminy.',
    showOnMap: 'Pokaż na mapie podmiotów',
  },
};
