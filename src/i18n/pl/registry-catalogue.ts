// Polish strings of the registry catalogue's newer parts (merged into pl.ts): the subregion, sector
// and activity facets, the map of the current search, synthetic entities and relevance limits.

export const registryCataloguePl = {
  registryCatalogue: {
    facetSubregion: 'Subregion',
    facetSector: 'Sektor',
    facetActivity: 'Rodzaj działalności odpłatnej',
    rankedPart_one:
      'Najtrafniejsze wyniki wybrano spośród pierwszego pasującego podmiotu. Aby przejrzeć wszystkie, zawęź wyszukiwanie lub wybierz kolejność alfabetyczną.',
    rankedPart_few:
      'Najtrafniejsze wyniki wybrano spośród pierwszych {{value}} pasujących podmiotów. Aby przejrzeć wszystkie, zawęź wyszukiwanie lub wybierz kolejność alfabetyczną.',
    rankedPart_many:
      'Najtrafniejsze wyniki wybrano spośród pierwszych {{value}} pasujących podmiotów. Aby przejrzeć wszystkie, zawęź wyszukiwanie lub wybierz kolejność alfabetyczną.',
    rankedPart_other:
      'Najtrafniejsze wyniki wybrano spośród pierwszych {{value}} pasującego podmiotu. Aby przejrzeć wszystkie, zawęź wyszukiwanie lub wybierz kolejność alfabetyczną.',
    forgiving: {
      placeNote: 'Szukamy w:',
      placeGmina: 'gmina {{name}}',
      placePowiat: 'powiat {{name}}',
      placeCity: '{{name}} (miasto)',
      placeTown: '{{name}} (miasto w gminie {{gmina}})',
      placeGminaOfType: '{{type}} {{name}}',
      placeInPowiat: '{{label}} (powiat {{powiat}})',
      placeOr: 'lub',
      placeTownScope: 'Rejestr zapisuje gminę siedziby podmiotu, więc wyniki obejmują całą gminę, w której leży to miasto.',
      placeSeveral: 'Nazwa „{{name}}” oznacza więcej niż jedno miejsce, więc szukamy we wszystkich. Szukaj tylko w:',
      placeOthers: 'Nazwa „{{name}}” oznacza też:',
      placeRemove: 'usuń',
      placeRemoveLabel: 'Usuń ograniczenie do miejsca „{{place}}” i szukaj tych słów w całym rejestrze',
      relaxed: 'Nie znaleziono podmiotów pasujących do wszystkich słów; pokazujemy podmioty pasujące do części z nich: {{words}}.',
      relaxedHeading: 'Podmioty pasujące do części słów',
      relaxedCaption: 'Podmioty pasujące do części słów, najpierw te, które pasują do największej ich liczby',
      didYouMean: 'Czy chodziło Ci o',
    },
    showMap: 'Pokaż wyniki na mapie',
    showList: 'Pokaż wyniki jako listę',
    synthetic: 'dane syntetyczne',
    syntheticNotice: 'To jest podmiot syntetyczny: wygenerowany automatycznie do testów wydajności. Nie istnieje naprawdę.',
    map: {
      title: 'Mapa podmiotów ekonomii społecznej',
      intro:
        'Mapa pokazuje podmioty z bieżącego wyszukiwania według gminy siedziby. Sąsiednie gminy są łączone w grupy; każda grupa prowadzi do listy jej podmiotów. Te same liczby są w tabeli pod mapą.',
      svgTitle: 'Mapa województwa kujawsko-pomorskiego z liczbą podmiotów w gminach',
      svgDesc_one: 'Podmioty z wyszukiwania w {{count}} grupie gmin. Każda grupa jest linkiem do listy podmiotów.',
      svgDesc_few: 'Podmioty z wyszukiwania w {{count}} grupach gmin. Każda grupa jest linkiem do listy podmiotów.',
      svgDesc_many: 'Podmioty z wyszukiwania w {{count}} grupach gmin. Każda grupa jest linkiem do listy podmiotów.',
      svgDesc_other: 'Podmioty z wyszukiwania w {{count}} grupy gmin. Każda grupa jest linkiem do listy podmiotów.',
      cluster_one: '{{places}}: {{count}} podmiot',
      cluster_few: '{{places}}: {{count}} podmioty',
      cluster_many: '{{places}}: {{count}} podmiotów',
      cluster_other: '{{places}}: {{count}} podmiotu',
      tableCaption: 'Podmioty z wyszukiwania według gminy siedziby',
      gmina: 'Gmina',
      count: 'Liczba podmiotów',
      list: 'Lista',
      listLink: 'podmioty w gminie {{name}}',
      withoutGmina_one: '{{count}} podmiot bez podanej gminy nie jest pokazany na mapie.',
      withoutGmina_few: '{{count}} podmioty bez podanej gminy nie są pokazane na mapie.',
      withoutGmina_many: '{{count}} podmiotów bez podanej gminy nie jest pokazanych na mapie.',
      withoutGmina_other: '{{count}} podmiotu bez podanej gminy nie jest pokazane na mapie.',
      none: 'Żaden podmiot z podaną gminą siedziby nie spełnia warunków wyszukiwania.',
      moreGminy_one: '{{first}} i {{count}} inna',
      moreGminy_few: '{{first}} i {{count}} inne',
      moreGminy_many: '{{first}} i {{count}} innych',
      moreGminy_other: '{{first}} i {{count}} innej',
    },
  },
} as const;
