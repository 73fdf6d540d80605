// Polish strings of the open-data page (merged into pl.ts): the datasets the platform publishes,
// their formats, licence and the time of their last change.

export const opendataPl = {
  opendata: {
    nav: 'Otwarte dane',
    title: 'Otwarte dane',
    intro:
      'Dane platformy do pobrania i przez API, w formatach do odczytu maszynowego. Każdy zbiór zawiera tylko to, co wynika z danych: znak bez znanych dat nie jest podawany jako ważny, a podmiot, którego działalności nikt nie sprawdził, nie jest podawany jako działający.',
    example:
      'Rekordy przykładowe (np. syntetyczne dane testowe) mają w każdym zbiorze pole is_example (w plikach CSV kolumnę „Przykładowe”) ustawione na prawdę.',
    licenceIntro: 'Dane udostępniamy do ponownego wykorzystania na licencji',
    apiDocs: 'Dokumentacja API',
    formats: 'Formaty',
    licence: 'Licencja',
    lastChanged: 'Ostatnia zmiana danych',
    empty: 'zbiór jest jeszcze pusty',
    none: 'Platforma nie publikuje jeszcze żadnego zbioru danych.',
  },
};
