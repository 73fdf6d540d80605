// The evaluation module's schema changes: one dated file per migration, listed here under its key.
import type { ModuleMigration } from '../../../core/module.js';
import { evaluationMigration } from './202702060010_evaluation.js';

export const evaluationMigrations: Record<string, ModuleMigration> = {
  '202702060010_evaluation': evaluationMigration,
};
