/**
 * The recognizer's organization-name index (how "Contoso Distribution" in a message becomes an
 * organization), kept in the store as bytes beside the directory so that an instance reads it back instead
 * of building it from every organization, and so that N instances on one store build it once between them.
 *
 * The names generation is a number that changes with every new organization and every change to an
 * organization's name or Japanese name: in the same write or right after it (never before), so that names
 * read after reading a generation are at least as new as that generation. Other writes leave it alone.
 */
export interface SavedOrganizationIndexPort {
  /** The names generation now (one small read: instances poll it). */
  namesGeneration(): Promise<number>;
  /**
   * The names generation now and the index saved for exactly that generation (undefined when none is:
   * never saved, or names changed since). An index built from names read after this call is to be saved
   * with this generation.
   */
  savedOrganizationIndex(): Promise<{ bytes: Uint8Array | undefined; generation: number }>;
  /**
   * Saves an index built from names read after the generation was read. Refused (false) when the names
   * changed since (the index may be out of date) or an index of a newer generation is saved. One of the
   * same generation is replaced (its bytes may be another version's, which this one could not read).
   */
  saveOrganizationIndex(bytes: Uint8Array, generation: number): Promise<boolean>;
  /** What an index is built from: every organization's ID and names, in ID order, without the rest of the records. */
  organizationNames(): Promise<OrganizationNameRecord[]>;
}

/** An organization's names as the recognizer matches them. */
export interface OrganizationNameRecord {
  id: string;
  name: string;
  nameJa?: string;
}
