import type { Db } from '../client';

/**
 * Named prepared statements for the API's hot reads, one per query shape (which filters are set,
 * which sort order): drizzle builds the SQL once per process and PostgreSQL parses and plans it once
 * per pooled connection, instead of both on every request; values are bound as placeholders. A
 * shape's key must determine its SQL text, since a statement name stands for one text on a connection.
 */
export function preparedByShape<S, P>(name: string, key: (shape: S) => string, build: (db: Db, shape: S, statement: string) => P) {
  const byDb = new WeakMap<Db, Map<string, P>>();
  return (db: Db, shape: S): P => {
    let byKey = byDb.get(db);
    if (!byKey) byDb.set(db, (byKey = new Map()));
    const k = key(shape);
    let prepared = byKey.get(k);
    if (!prepared) byKey.set(k, (prepared = build(db, shape, `${name}:${k}`)));
    return prepared;
  };
}
