import KeyvSqlite from "@keyv/sqlite";
/** Rows per INSERT: 1,000 bound values, well under SQLite's limit of 32,766. */
const ROWS_PER_STATEMENT = 500;
/**
 * @keyv/sqlite with bulk reads and writes that scale. Without `setMany`, Keyv writes a batch as one
 * autocommit statement per key (10,000 alert threads took ~2 s), and its `getMany` matches rows to
 * keys by linear search (quadratic: ~1 s for 10,000 subscriptions). Here a batch is written 500 rows
 * per statement, values bound as they are (no second round of JSON escaping for large values).
 */
export class BatchedSqliteAdapter extends KeyvSqlite {
    async getMany(keys) {
        const rows = (await this.query(`SELECT key, value FROM ${this.opts.table} WHERE key IN (SELECT value FROM json_each(?))`, JSON.stringify(keys)));
        const byKey = new Map(rows.map((row) => [row.key, row.value]));
        return keys.map((key) => byKey.get(key));
    }
    /** One DELETE; @keyv/sqlite first reads every value back only to return whether any existed. */
    async deleteMany(keys) {
        await this.query(`DELETE FROM ${this.opts.table} WHERE key IN (SELECT value FROM json_each(?))`, JSON.stringify(keys));
        return true;
    }
    async setMany(entries) {
        for (let i = 0; i < entries.length; i += ROWS_PER_STATEMENT) {
            const rows = entries.slice(i, i + ROWS_PER_STATEMENT);
            await this.query(`INSERT INTO ${this.opts.table} (key, value) VALUES ${rows.map(() => "(?, ?)").join(", ")}
         ON CONFLICT(key) DO UPDATE SET value = excluded.value`, ...rows.flatMap((e) => [e.key, e.value]));
        }
    }
}
//# sourceMappingURL=batched-sqlite-adapter.js.map