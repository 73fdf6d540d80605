// Polish strings of the programme module's monitoring rounds, API tokens and annual reports (merged into pl.ts).

export const monitoringPl = {
  monitoring: {
    title: 'Monitorowanie',
  },
};
