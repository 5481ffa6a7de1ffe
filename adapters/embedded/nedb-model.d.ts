/** nedb's own document serializer (one line of its data file); not in its published types. */
declare module '@seald-io/nedb/lib/model' {
  export function serialize(doc: unknown): string;
}
