// Polish strings of the programme module's indicators: definitions, values, progress and charts (merged into pl.ts).

export const indicatorsPl = {
  indicators: {
    title: 'Wskaźniki',
  },
};
