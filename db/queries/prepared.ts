import type { Db } from '../client';

/**
 * Statements for the API's hot reads, built by drizzle once per process and query shape (which
 * filters are set, which sort order) instead of on every request; values are bound as placeholders.
 *
 * A shape whose plan is the same whatever the values (`generic` true) gets a named statement, which
 * PostgreSQL also parses once per connection and, after a few runs, plans once. Any other shape gets
 * the unnamed statement (name ''), planned for its values on every run as before: a generic plan for,
 * say, "audit events of one actor" may walk the whole log by id when the actor's events are few.
 * A shape's key must determine its SQL text, since a statement name stands for one text on a connection.
 */
export function preparedByShape<S, P>(
  name: string,
  key: (shape: S) => string,
  build: (db: Db, shape: S, statement: string) => P,
  generic: (shape: S) => boolean = () => true,
) {
  const byDb = new WeakMap<Db, Map<string, P>>();
  return (db: Db, shape: S): P => {
    let byKey = byDb.get(db);
    if (!byKey) byDb.set(db, (byKey = new Map()));
    const k = key(shape);
    let prepared = byKey.get(k);
    if (!prepared) byKey.set(k, (prepared = build(db, shape, generic(shape) ? `${name}:${k}` : '')));
    return prepared;
  };
}
