// Route schemas are turned into validator (ajv) and serializer (fast-json-stringify) functions.
// Fastify compiles every route's schemas while the app starts, which cost ~0.4 s of the
// start-up (ADR 8) for routes most processes never see. Here each route's functions are
// compiled on their first use instead, with exactly the compilers and options Fastify uses by
// default, so validation and output are unchanged; `warm()` compiles the rest in small slices
// after the server listens, so the first visitors do not pay for it either.
import { createRequire } from 'node:module';
import type { AjvCompiler } from '@fastify/ajv-compiler';
import type { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

// required (synchronously) on the first compile: loading ajv and its formats alone took ~0.15 s
const require = createRequire(import.meta.url);

type Compile<F> = (routeSchema: unknown) => F;
type Validate = ((data: unknown, ctx?: unknown) => unknown) & { errors?: unknown; schemaEnv?: unknown };
type Serialize = (data: unknown) => string;

/** One route schema's validator, compiled on first call (or by `warm`). */
function lazyValidator(compile: Compile<Validate>, routeSchema: unknown, pending: Set<() => void>): Validate {
  let fn: Validate | null = null;
  const ensure = () => (fn ??= compile(routeSchema));
  pending.add(ensure);
  const validate: Validate = (data, ctx) => {
    const real = ensure();
    pending.delete(ensure);
    // ajv can replace a root value (coercion) only when it gets its parent; Fastify passes it to
    // functions that have `schemaEnv`, as ajv's have
    const result = real.schemaEnv ? real(data, ctx) : real(data);
    validate.errors = real.errors;
    return result;
  };
  validate.schemaEnv = true;
  return validate;
}

function lazySerializer(compile: Compile<Serialize>, routeSchema: unknown, pending: Set<() => void>): Serialize {
  let fn: Serialize | null = null;
  const ensure = () => (fn ??= compile(routeSchema));
  pending.add(ensure);
  return (data) => {
    const real = ensure();
    pending.delete(ensure);
    return real(data);
  };
}

export interface LazySchemas {
  /** The `schemaController` option for Fastify(): the default compilers, compiling on first use. */
  schemaController: { compilersFactory: { buildValidator: unknown; buildSerializer: unknown } };
  /**
   * Compiles every schema not used yet, a few per event-loop turn, so requests arriving meanwhile
   * wait at most one slice. Resolves when none is left (a compile error surfaces here, as it
   * would have at start-up).
   */
  warm(perSlice?: number): Promise<void>;
}

/** Per app instance, like Fastify's own compilers (their caches die with the app). */
export function lazySchemas(): LazySchemas {
  const pending = new Set<() => void>();
  const buildAjv = (e: unknown, o: unknown) =>
    (
      (require('@fastify/ajv-compiler') as { AjvCompiler: typeof AjvCompiler }).AjvCompiler() as (
        e: unknown,
        o: unknown,
      ) => Compile<Validate>
    )(e, o);
  const buildStringify = (e: unknown, o: unknown) =>
    (
      (require('@fastify/fast-json-stringify-compiler') as { SerializerSelector: typeof SerializerSelector }).SerializerSelector() as (
        e: unknown,
        o: unknown,
      ) => Compile<Serialize>
    )(e, o);
  return {
    schemaController: {
      compilersFactory: {
        // the compilers themselves (an Ajv instance with its formats) are made on first use too
        buildValidator: (externalSchemas: unknown, options: unknown) => {
          let compiler: Compile<Validate> | null = null;
          const compile: Compile<Validate> = (routeSchema) => (compiler ??= buildAjv(externalSchemas, options))(routeSchema);
          return (routeSchema: unknown) => lazyValidator(compile, routeSchema, pending);
        },
        buildSerializer: (externalSchemas: unknown, options: unknown) => {
          let compiler: Compile<Serialize> | null = null;
          const compile: Compile<Serialize> = (routeSchema) => (compiler ??= buildStringify(externalSchemas, options))(routeSchema);
          return (routeSchema: unknown) => lazySerializer(compile, routeSchema, pending);
        },
      },
    },
    async warm(perSlice = 2) {
      while (pending.size > 0) {
        let n = 0;
        for (const ensure of pending) {
          ensure();
          pending.delete(ensure);
          if ((n += 1) >= perSlice) break;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}
