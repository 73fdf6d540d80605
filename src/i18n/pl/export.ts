// Polish strings of the domain-free document export (merged into pl.ts): what the PDF and Word
// renderers themselves print around the content a module gives them.

export const exportPl = {
  export: {
    pageOf: 'Strona {{page}} z {{total}}',
    figure: 'Wykres: {{alt}}',
    figureInWord: 'Wykres jest dostępny w wersji HTML i PDF; te same liczby przedstawia tabela poniżej.',
  },
};
