import type { DirectoryData, ImportCounts, ImportOptions } from '../../domain';

/**
 * Issue 19: an import writes its records in batches of this many (one bulk write per batch and kind on
 * MongoDB, one nedb insert for the new ones on the embedded store), not one round trip per record.
 */
export const IMPORT_BATCH = 1_000;

/** The records of one kind, in slices of at most `size`, in order. */
export function* inBatches<T>(items: readonly T[], size = IMPORT_BATCH): Generator<readonly T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export function importCounts(data: DirectoryData): ImportCounts {
  return {
    organizations: data.organizations.length,
    people: data.people.length,
    links: data.links.length,
    relationships: data.relationships.length,
    subscriptions: data.subscriptions.length,
  };
}

/** Counts the records written across every kind and tells `onProgress` after each batch. */
export class ImportProgressCounter {
  private done = 0;
  private readonly total: number;

  constructor(
    data: DirectoryData,
    private readonly options: ImportOptions = {},
  ) {
    const c = importCounts(data);
    this.total = c.organizations + c.people + c.links + c.relationships + c.subscriptions;
  }

  wrote(kind: keyof ImportCounts, n: number): void {
    this.done += n;
    this.options.onProgress?.({ kind, done: this.done, total: this.total });
  }
}
