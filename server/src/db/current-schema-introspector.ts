/**
 * Postgres introspection limited to the connection's current schema. Kysely's own
 * introspector reads every schema in the database and calls `has_schema_privilege` on each
 * name it saw, so it fails when another tenant or test drops a schema mid-query, and it
 * slows down with every schema that shares the database. The migrator only needs to know
 * whether its tables exist in our schema.
 */
import { sql, type DatabaseIntrospector, type DatabaseMetadataOptions, type Kysely, type SchemaMetadata, type TableMetadata } from "kysely";
import { PostgresDialect } from "kysely";

const KYSELY_TABLES = new Set(["kysely_migration", "kysely_migration_lock"]);

export class CurrentSchemaIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<any>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string }>`select current_schema() as name`.execute(this.db);
    return rows;
  }

  async getTables(options: DatabaseMetadataOptions = { withInternalKyselyTables: false }): Promise<TableMetadata[]> {
    const { rows } = await sql<{
      table: string;
      schema: string;
      type: string;
      column: string;
      data_type: string;
      nullable: string;
      default_value: string | null;
      identity: string;
    }>`
      select c.table_name as "table", c.table_schema as "schema", t.table_type as "type", c.column_name as "column",
             c.udt_name as data_type, c.is_nullable as nullable, c.column_default as default_value, c.is_identity as identity
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = current_schema()
      order by c.table_name, c.ordinal_position`.execute(this.db);
    const tables = new Map<string, TableMetadata>();
    for (const r of rows) {
      if (!options.withInternalKyselyTables && KYSELY_TABLES.has(r.table)) continue;
      let table = tables.get(r.table);
      if (!table) tables.set(r.table, (table = { name: r.table, schema: r.schema, isView: r.type === "VIEW", columns: [] }));
      (table.columns as TableMetadata["columns"][number][]).push({
        name: r.column,
        dataType: r.data_type,
        isNullable: r.nullable === "YES",
        isAutoIncrementing: r.identity === "YES" || (r.default_value?.startsWith("nextval(") ?? false),
        hasDefaultValue: r.default_value !== null || r.identity === "YES",
      });
    }
    return [...tables.values()];
  }

  async getMetadata(options?: DatabaseMetadataOptions) {
    return { tables: await this.getTables(options) };
  }
}

/** Kysely's Postgres dialect with introspection scoped to the current schema. */
export class CurrentSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}
