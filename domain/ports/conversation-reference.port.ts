import type { Platform } from '../person';

/**
 * Where to reach a person or a channel later (proactive messages). The reference itself is the
 * platform's own opaque JSON (botbuilder's ConversationReference, a Slack channel), kept as is.
 */
export interface StoredReference {
  /** Unique key: `person:<personId>:<platform>` or `channel:<orgId>:<platform>` (approval channel). */
  key: string;
  platform: Platform;
  personId?: string;
  orgId?: string;
  /** For a card posted about a request (key `posted:<requestId>:...`): the request, to update it later. */
  requestId?: string;
  reference: Record<string, unknown>;
  updatedAt: Date;
}

export interface ConversationReferencePort {
  save(ref: StoredReference): Promise<void>;
  get(key: string): Promise<StoredReference | undefined>;
  listForPerson(personId: string): Promise<StoredReference[]>;
  /** Issue 19: the references of all these people, in one query (ordered by key). */
  listForPeople(personIds: readonly string[]): Promise<StoredReference[]>;
  /** Issue 19: the references with these keys, in one query; missing keys are left out (ordered by key). */
  getMany(keys: readonly string[]): Promise<StoredReference[]>;
  /** The cards posted about a request (references saved with its requestId). */
  listForRequest(requestId: string): Promise<StoredReference[]>;
  delete(key: string): Promise<void>;
}

export const personReferenceKey = (personId: string, platform: Platform) => `person:${personId}:${platform}`;
export const postedCardKey = (requestId: string, where: string) => `posted:${requestId}:${where}`;
export const channelReferenceKey = (orgId: string, platform: Platform) => `channel:${orgId}:${platform}`;
