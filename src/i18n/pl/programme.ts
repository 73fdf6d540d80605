// Polish strings of the programme module: the programme, its life cycle, versions and objective tree (merged into pl.ts).

export const programmePl = {
  programme: {
    title: 'Program',
  },
};
