// Polish strings of the consultations module: public consultations, comments, responses and reports (merged into pl.ts).

export const consultationsPl = {
  consultations: {
    title: 'Konsultacje',
  },
};
