// Polish strings of the domain-free text tools (merged into pl.ts): how inserted and deleted words
// of a comparison are announced.

export const textPl = {
  text: {
    inserted: '[wstawiono:',
    insertedEnd: ']',
    deleted: '[usunięto:',
    deletedEnd: ']',
    introduction: 'Wprowadzenie',
  },
};
