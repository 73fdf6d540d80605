// The regional programme as data: programmes, their status events, text versions and sections, the
// objective tree with budget lines. Written as one migration with the tables the indicators module
// now owns (indicators, targets, values and their history, monitoring rounds, annual reports):
// databases recorded it as one, so it stays here whole. Uniqueness that the public addresses and the
// API rely on (slug, element and indicator codes, one value per indicator, period and territory) is
// enforced here; the services give the translated message before the database would refuse.
import { sql } from 'kysely';
import type { ModuleMigration } from '../../../core/module.js';

export const programmeMigration: ModuleMigration = {
  async up(db) {
    await db.schema
      .createTable('programmes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('short_name', 'text')
      .addColumn('period_from', 'integer', (c) => c.notNull())
      .addColumn('period_to', 'integer', (c) => c.notNull())
      .addColumn('legal_basis', 'text')
      .addColumn('alignment', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('responsible_institution', 'text')
      .addColumn('summary', 'text')
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('draft', 'consultation', 'ex_ante', 'adopted', 'implementation', 'closed')`),
      )
      .addColumn('adopted_by', 'text')
      .addColumn('resolution_number', 'text')
      .addColumn('adopted_on', 'text')
      .addColumn('is_current', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('programme_status_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('occurred_on', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('user_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('programme_status_events_programme').on('programme_status_events').column('programme_id').execute();

    await db.schema
      .createTable('programme_versions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('programme_versions_number', ['programme_id', 'number'])
      .execute();

    await db.schema
      .createTable('programme_sections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('version_id', 'text', (c) => c.notNull().references('programme_versions.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('heading', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('programme_sections_version').on('programme_sections').columns(['version_id', 'position']).execute();

    await db.schema
      .createTable('programme_elements')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
      .addColumn('parent_id', 'text', (c) => c.references('programme_elements.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('main_goal', 'specific_goal', 'action', 'task')`))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('responsible', 'text')
      .addColumn('partners', 'text')
      .addColumn('year_from', 'integer')
      .addColumn('year_to', 'integer')
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('is_example', 'boolean', (c) => c.notNull().defaultTo(false))
      .addUniqueConstraint('programme_elements_code', ['programme_id', 'code'])
      .execute();
    await db.schema.createIndex('programme_elements_parent').on('programme_elements').column('parent_id').execute();

    await db.schema
      .createTable('programme_budget_lines')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('element_id', 'text', (c) => c.notNull().references('programme_elements.id').onDelete('cascade'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('amount_pln', 'double precision', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('programme_budget_lines_element').on('programme_budget_lines').column('element_id').execute();

    await db.schema
      .createTable('indicators')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('output', 'result', 'context')`))
      .addColumn('baseline_value', 'double precision')
      .addColumn('baseline_year', 'integer')
      .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('increase', 'decrease')`))
      .addColumn('frequency', 'text', (c) => c.notNull().defaultTo('annual'))
      .addColumn('data_source', 'text')
      .addColumn('responsible_partner', 'text')
      .addColumn('breakdown', 'text', (c) => c.notNull().check(sql`breakdown in ('none', 'powiat', 'gmina', 'subregion')`))
      .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('reported', 'computed')`))
      .addColumn('formula', 'text')
      .addColumn('formula_params', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('is_example', 'boolean', (c) => c.notNull().defaultTo(false))
      .addUniqueConstraint('indicators_code', ['programme_id', 'code'])
      .execute();

    await db.schema
      .createTable('indicator_elements')
      .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
      .addColumn('element_id', 'text', (c) => c.notNull().references('programme_elements.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('indicator_elements_pk', ['indicator_id', 'element_id'])
      .execute();

    await db.schema
      .createTable('indicator_targets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('value', 'double precision', (c) => c.notNull())
      .addUniqueConstraint('indicator_targets_year', ['indicator_id', 'year'])
      .execute();

    await db.schema
      .createTable('monitoring_rounds')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('period', 'integer', (c) => c.notNull())
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .execute();

    await db.schema
      .createTable('monitoring_round_indicators')
      .addColumn('round_id', 'text', (c) => c.notNull().references('monitoring_rounds.id').onDelete('cascade'))
      .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('monitoring_round_indicators_pk', ['round_id', 'indicator_id'])
      .execute();

    await db.schema
      .createTable('monitoring_reminders')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('round_id', 'text', (c) => c.notNull().references('monitoring_rounds.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('monitoring_reminders_once', ['round_id', 'kind', 'user_id'])
      .execute();

    await db.schema
      .createTable('indicator_values')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('indicator_id', 'text', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
      .addColumn('period', 'integer', (c) => c.notNull())
      .addColumn('territory_code', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision')
      .addColumn('source', 'text')
      .addColumn('comment', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'submitted', 'approved', 'returned')`))
      .addColumn('return_reason', 'text')
      .addColumn('round_id', 'text', (c) => c.references('monitoring_rounds.id').onDelete('set null'))
      .addColumn('is_computed', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('is_example', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('entered_by', 'text')
      .addColumn('approved_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('indicator_values_cell', ['indicator_id', 'period', 'territory_code'])
      .execute();

    await db.schema
      .createTable('indicator_value_history')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('value_id', 'text', (c) => c.notNull().references('indicator_values.id').onDelete('cascade'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision')
      .addColumn('comment', 'text')
      .execute();
    await db.schema.createIndex('indicator_value_history_value').on('indicator_value_history').column('value_id').execute();

    await db.schema
      .createTable('report_narratives')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('element_id', 'text', (c) => c.notNull().references('programme_elements.id').onDelete('cascade'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('report_narratives_year', ['element_id', 'year'])
      .execute();

    await db.schema
      .createTable('annual_reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published')`))
      .addColumn('published_at', 'text')
      .addColumn('published_by', 'text')
      .addUniqueConstraint('annual_reports_year', ['programme_id', 'year'])
      .execute();
  },
};
