// Values kept in a process up to a number of bytes, the least recently used dropped first: the
// catalogue's rows per search word, the bytes of stored report files
// and the anonymous page copy by bytes and by count: one implementation keeps their accounting alike. The caller says what a value weighs; a value
// heavier than the whole bound is not kept.
export class ByteBoundedCache<K, V> {
  readonly #entries = new Map<K, { value: V; bytes: number }>();
  #bytes = 0;

  /** At most `maxBytes` of values and, when given, `maxEntries` values. */
  constructor(
    readonly maxBytes: number,
    readonly maxEntries = Number.POSITIVE_INFINITY,
  ) {}

  /** The value, now the most recently used; undefined when not kept. */
  get(key: K): V | undefined {
    const hit = this.#entries.get(key);
    if (!hit) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, hit);
    return hit.value;
  }

  /** The value without changing its place in the order of use. */
  peek(key: K): V | undefined {
    return this.#entries.get(key)?.value;
  }

  /** Keeps (or replaces, or re-weighs) the value as the most recently used; older ones go while over the bound. */
  set(key: K, value: V, bytes: number): void {
    this.delete(key);
    if (bytes > this.maxBytes) return;
    this.#entries.set(key, { value, bytes });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#entries) {
      if ((this.#bytes <= this.maxBytes && this.#entries.size <= this.maxEntries) || oldest === key) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
  }

  delete(key: K): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The bytes of the values kept, as their callers weighed them. */
  get bytes(): number {
    return this.#bytes;
  }
}
