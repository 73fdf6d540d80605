// What an agenda item points at: library documents attached by name (portal's documents, in order)
// and at most one linked object another module contributes as an agenda object kind (a programme's
// annual report, a consultation, an evaluation study or yearly summary…), kept as kind + id so the
// bodies module never reads the other module's tables.
import type { ModuleMigration } from '../../../core/module.js';

export const bodyAgendaLinksMigration: ModuleMigration = {
  async up(db) {
    await db.schema.alterTable('body_agenda_items').addColumn('object_kind', 'text').execute();
    await db.schema.alterTable('body_agenda_items').addColumn('object_id', 'text').execute();
    await db.schema
      .createTable('body_agenda_documents')
      .addColumn('agenda_item_id', 'text', (c) => c.notNull().references('body_agenda_items.id').onDelete('cascade'))
      .addColumn('document_id', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('body_agenda_documents_pk', ['agenda_item_id', 'document_id'])
      .execute();
    await db.schema.createIndex('body_agenda_items_object').on('body_agenda_items').columns(['object_kind', 'object_id']).execute();
  },
};
