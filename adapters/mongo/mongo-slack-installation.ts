import type { Model } from 'mongoose';
import type { SlackInstallationPort, SlackInstallationRecord } from '../../domain';
import { asSlackId, enterpriseInstallKey, slackInstallationDocument, slackInstallationFromDocument, teamInstallKey } from '../store-common';
import type { StoredDoc } from './models';
import { retryOnDuplicate } from './mongo-errors';

/** Slack installations in their own collection, keyed `team:<id>` or `enterprise:<id>`; last save wins. */
export class MongoSlackInstallations implements SlackInstallationPort {
  constructor(private readonly model: Model<StoredDoc>) {}

  async save(record: SlackInstallationRecord): Promise<void> {
    const doc = slackInstallationDocument(record);
    await retryOnDuplicate(() => this.model.replaceOne({ _id: doc._id }, doc, { upsert: true }));
  }

  async findByTeam(teamId: string): Promise<SlackInstallationRecord | undefined> {
    const id = asSlackId(teamId);
    return id === undefined ? undefined : slackInstallationFromDocument(await this.model.findOne({ _id: teamInstallKey(id) }).lean<StoredDoc>());
  }

  async findByEnterprise(enterpriseId: string): Promise<SlackInstallationRecord | undefined> {
    const id = asSlackId(enterpriseId);
    return id === undefined ? undefined : slackInstallationFromDocument(await this.model.findOne({ _id: enterpriseInstallKey(id) }).lean<StoredDoc>());
  }

  async deleteTeam(teamId: string): Promise<number> {
    const id = asSlackId(teamId);
    return id === undefined ? 0 : (await this.model.deleteOne({ _id: teamInstallKey(id) })).deletedCount;
  }

  async deleteEnterprise(enterpriseId: string): Promise<number> {
    const id = asSlackId(enterpriseId);
    return id === undefined ? 0 : (await this.model.deleteOne({ _id: enterpriseInstallKey(id) })).deletedCount;
  }
}
