// Small, translated field checks shared by every form. They collect problems instead of throwing
// at the first one, so a person sees every mistake at once; nothing is saved while any remain.
import type { TKey } from '../i18n/index.js';
import { AppError, type Problem } from './errors/app-error.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/u;

export class FormChecker {
  readonly problems: Problem[] = [];

  constructor(private readonly values: Record<string, unknown>) {}

  /** The trimmed text of a field ('' when absent or not a string). */
  text(field: string): string {
    const v = this.values[field];
    return typeof v === 'string' ? v.trim() : '';
  }

  /** The raw text (passwords are not trimmed). */
  raw(field: string): string {
    const v = this.values[field];
    return typeof v === 'string' ? v : '';
  }

  add(field: string, label: TKey, key: TKey, params: Record<string, string | number> = {}): void {
    this.problems.push({ field, label, key, params });
  }

  hasProblem(field: string): boolean {
    return this.problems.some((p) => p.field === field);
  }

  required(field: string, label: TKey, opts: { max?: number; min?: number; raw?: boolean } = {}): string {
    const value = opts.raw ? this.raw(field) : this.text(field);
    if (value === '') this.add(field, label, 'validation.required');
    else if (opts.min !== undefined && [...value].length < opts.min) this.add(field, label, 'validation.tooShort', { count: opts.min });
    else if (opts.max !== undefined && [...value].length > opts.max) this.add(field, label, 'validation.tooLong', { count: opts.max });
    return value;
  }

  email(field: string, label: TKey): string {
    const value = this.text(field);
    if (value === '') this.add(field, label, 'validation.required');
    else if (value.length > 254 || !EMAIL.test(value)) this.add(field, label, 'validation.email');
    return value;
  }

  /**
   * A whole number typed as plain digits from `min` to `max` (no more digits than `max` has), else
   * `problem`; an empty field is `validation.required` when `required`, else `problem` too. Returns
   * the number (meaningless while the field has a problem).
   */
  wholeNumber(field: string, label: TKey, problem: TKey, opts: { min: number; max: number; required?: boolean }): number {
    const text = opts.required ? this.required(field, label) : this.text(field);
    const n = Number(text);
    if (opts.required && text === '') return n;
    const digits = new RegExp(`^\\d{1,${String(opts.max).length}}$`);
    if (!digits.test(text) || n < opts.min || n > opts.max) this.add(field, label, problem);
    return n;
  }

  /** Throws a 400 listing every problem, or returns when the form is valid. */
  assertValid(): void {
    if (this.problems.length > 0) throw new AppError('http.validation', {}, this.problems);
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
