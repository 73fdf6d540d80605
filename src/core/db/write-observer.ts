// Caches of derived data (e.g. a module's facet counts) must forget what a write changed, whoever
// made the write — a service, an import, another module, a test. This Kysely plugin sees every
// INSERT, UPDATE and DELETE built with the query builder (raw `sql` is not inspected) and calls
// the listeners registered for the written table. It knows table names only, no domain.
import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

type Listener = () => void;

function tableName(node: OperationNode | undefined): string | null {
  if (!node) return null;
  const n = node as { kind: string; table?: OperationNode; identifier?: { name: string }; node?: OperationNode };
  if (n.kind === 'TableNode') return (n.table as unknown as { identifier: { name: string } }).identifier.name;
  if (n.kind === 'AliasNode') return tableName(n.node);
  return null;
}

/** Names of the tables a statement writes to (empty for reads). */
export function writtenTables(node: RootOperationNode): string[] {
  const n = node as unknown as { kind: string; into?: OperationNode; table?: OperationNode; from?: { froms: OperationNode[] } };
  switch (n.kind) {
    case 'InsertQueryNode':
      return [tableName(n.into)].filter((t): t is string => t !== null);
    case 'UpdateQueryNode':
      return [tableName(n.table)].filter((t): t is string => t !== null);
    case 'DeleteQueryNode':
      return (n.from?.froms ?? []).map(tableName).filter((t): t is string => t !== null);
    default:
      return [];
  }
}

export class WriteObserver implements KyselyPlugin {
  readonly #listeners = new Map<string, Set<Listener>>();

  /** Calls `listener` whenever a statement writing one of `tables` is built; returns the unsubscribe. */
  onWrite(tables: readonly string[], listener: Listener): () => void {
    for (const t of tables) {
      let set = this.#listeners.get(t);
      if (!set) this.#listeners.set(t, (set = new Set()));
      set.add(listener);
    }
    return () => {
      for (const t of tables) this.#listeners.get(t)?.delete(listener);
    };
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.#listeners.size > 0) {
      for (const t of writtenTables(args.node)) for (const l of this.#listeners.get(t) ?? []) l();
    }
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
