// better-sqlite3 refuses to bind JS booleans, and SQLite has no boolean type. Parameters become 0/1
// and result columns named `is_*` or `has_*` (the project's naming rule for flags) come back as
// booleans, so repositories see the same values as on PostgreSQL.
import {
  OperationNodeTransformer,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode,
  type PrimitiveValueListNode,
} from 'kysely';

const FLAG = /^(is|has)_/;

class BooleanToInteger extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    const v = super.transformValue(node);
    return typeof v.value === 'boolean' ? { ...v, value: v.value ? 1 : 0 } : v;
  }
  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    const v = super.transformPrimitiveValueList(node);
    return { ...v, values: v.values.map((x) => (typeof x === 'boolean' ? (x ? 1 : 0) : x)) };
  }
}

export class SqliteBooleanPlugin implements KyselyPlugin {
  readonly #transformer = new BooleanToInteger();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    for (const row of args.result.rows) {
      for (const key of Object.keys(row)) {
        if (FLAG.test(key) && (row[key] === 0 || row[key] === 1)) row[key] = row[key] === 1;
      }
    }
    return args.result;
  }
}
