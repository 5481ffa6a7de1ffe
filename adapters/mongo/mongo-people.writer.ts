import { trusted } from 'mongoose';
import type { Person } from '../../domain';
import { IdentityTakenError, personFromDocument, personIdentityKeys, personToDocument, StoreError } from '../store-common';
import type { DirectoryModels } from './models/directory.models';
import type { StoredDoc } from './models';
import { bulkUpserts, insertAllNew } from './import-writes';
import { isDuplicateKey, retryOnDuplicate, retryWhileBusy } from './mongo-errors';

/**
 * Writes a person and their identities. Ownership of an identity is claimed by inserting
 * `{ _id: identityKey, personId }` (atomic on every server), before the person is written, so a
 * directory can never give one Teams/Slack identity to two people.
 */
export class MongoPeopleWriter {
  constructor(private readonly m: Pick<DirectoryModels, 'people' | 'identities'>) {}

  async put(p: Person): Promise<void> {
    const keys = personIdentityKeys(p);
    const claimed: string[] = [];
    for (const key of keys) {
      const owner = await this.claim(key, p.id);
      if (owner === 'claimed') claimed.push(key);
      else if (owner !== p.id) {
        // Give back what this attempt took, so that a refused person leaves nothing behind.
        if (claimed.length) await this.m.identities.deleteMany({ _id: trusted({ $in: claimed }), personId: p.id });
        throw new IdentityTakenError(key, p.id, owner);
      }
    }
    await retryOnDuplicate(() => this.m.people.replaceOne({ _id: p.id }, personToDocument(p), { upsert: true }));
    // Identities this person no longer has are released.
    await this.m.identities.deleteMany({ personId: p.id, _id: trusted({ $nin: keys }) });
  }

  /**
   * Issue 19: `put` for a batch of people (an import), in four round trips when nobody's identity is
   * contested: who holds the batch's identities now, claim the free ones at once, write the people,
   * release what they no longer have. When any identity is held by someone else, claimed twice in the
   * batch, or taken meanwhile, the batch goes through `put` person by person instead, in order, so the
   * outcome (and the IdentityTakenError) is exactly the sequential one; every step before is idempotent.
   */
  async putAll(people: readonly Person[]): Promise<void> {
    if (people.length === 0) return;
    const keysOf = new Map(people.map((p) => [p.id, personIdentityKeys(p)] as const));
    const claimer = new Map<string, string>();
    let contested = keysOf.size !== people.length; // the same person twice in one batch: in order, one by one
    for (const [id, keys] of keysOf) {
      for (const key of keys) {
        if (claimer.has(key)) contested = true;
        else claimer.set(key, id);
      }
    }
    const all = [...claimer.keys()];
    if (!contested && all.length) {
      const held = await this.m.identities.find({ _id: trusted({ $in: all }) }).lean<StoredDoc[]>();
      contested = held.some((h) => h.personId !== claimer.get(String(h._id)));
      const taken = new Set(held.map((h) => String(h._id)));
      const free = all.filter((k) => !taken.has(k));
      if (!contested && free.length) {
        try {
          await retryWhileBusy(() => this.m.identities.insertMany(free.map((_id) => ({ _id, personId: claimer.get(_id)! })), { ordered: false }));
        } catch (err) {
          if (!isDuplicateKey(err)) throw err;
          contested = true; // someone took one meanwhile: `put` sorts it out (our own claims count as ours)
        }
      }
    }
    if (contested) {
      for (const p of people) await this.put(p);
      return;
    }
    // New people are inserted at once; when any is already stored, the batch is replaced (see importDirectory).
    const docs = people.map(personToDocument);
    if (!(await insertAllNew(this.m.people, docs))) {
      await bulkUpserts(this.m.people, docs.map((d, i) => ({ replaceOne: { filter: { _id: people[i]!.id }, replacement: d, upsert: true } })));
    }
    // Identities these people no longer have are released (each of the batch's identities is one of theirs).
    await this.m.identities.deleteMany({ personId: trusted({ $in: [...keysOf.keys()] }), _id: trusted({ $nin: all }) });
  }

  /**
   * Adds a person who is not there yet: their identities are claimed first, then the person is
   * inserted (never replaced). 'exists' when the ID or an identity is already someone's; whatever this
   * attempt claimed is given back.
   */
  async add(p: Person): Promise<'added' | 'exists'> {
    if (await this.m.people.findById(p.id).lean<StoredDoc>()) return 'exists';
    const claimed: string[] = [];
    const giveBack = () => (claimed.length ? this.m.identities.deleteMany({ _id: trusted({ $in: claimed }), personId: p.id }) : undefined);
    for (const key of personIdentityKeys(p)) {
      const owner = await this.claim(key, p.id);
      if (owner === 'claimed') claimed.push(key);
      else if (owner !== p.id) {
        await giveBack();
        return 'exists';
      }
    }
    try {
      await this.m.people.create(personToDocument(p));
      return 'added';
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // Another add of the same ID won. Its identity claims carry the same person ID as ours, so only
      // what the stored person does not have is given back (else this could release the winner's claim).
      const winner = await this.m.people.findById(p.id).lean<StoredDoc>();
      const kept = new Set(winner ? personIdentityKeys(personFromDocument(winner)) : []);
      const stale = claimed.filter((k) => !kept.has(k));
      if (stale.length) await this.m.identities.deleteMany({ _id: trusted({ $in: stale }), personId: p.id });
      return 'exists';
    }
  }

  /** 'claimed' when this call took the identity, else the ID of the person who holds it. */
  private async claim(key: string, personId: string): Promise<string> {
    // Retried: the holder may release the identity between our insert and our lookup.
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.m.identities.create({ _id: key, personId });
        return 'claimed';
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        const holder = await this.m.identities.findById(key).lean<StoredDoc>();
        if (typeof holder?.personId === 'string') return holder.personId;
      }
    }
    throw new StoreError('IDENTITY_CONTENDED', `The identity ${key} kept changing hands; try the import again.`);
  }
}
