// Reads the reference files shipped in `data/reference/` (copied from the public sources listed in
// its PROVENANCE.md), so a fresh clone runs without anything outside the repository.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { projectPath } from '../paths.js';

export const REFERENCE_DIR = projectPath('data', 'reference');

/** A CSV file with a header row; `delimiter` for files kept as their source wrote them (TERC: `;`). */
export function readReferenceCsv<R extends Record<string, string>>(file: string, { delimiter = ',' }: { delimiter?: string } = {}): R[] {
  return parse(readFileSync(join(REFERENCE_DIR, file)), { columns: true, bom: true, skip_empty_lines: true, trim: true, delimiter }) as R[];
}

export function readReferenceJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(REFERENCE_DIR, file), 'utf8')) as T;
}
