import type { SlackInstallationPort, SlackInstallationRecord } from '../../domain';
import { asSlackId, enterpriseInstallKey, slackInstallationDocument, slackInstallationFromDocument, teamInstallKey } from '../store-common';
import type { Collection } from './nedb-collections';

/** Slack installations in their own nedb collection, keyed `team:<id>` or `enterprise:<id>`. */
export class EmbeddedSlackInstallations implements SlackInstallationPort {
  constructor(private readonly ds: Collection) {}

  async save(record: SlackInstallationRecord): Promise<void> {
    const doc = slackInstallationDocument(record);
    await this.ds.updateAsync({ _id: doc._id }, doc, { upsert: true });
  }

  async findByTeam(teamId: string): Promise<SlackInstallationRecord | undefined> {
    const id = asSlackId(teamId);
    return id === undefined ? undefined : slackInstallationFromDocument(await this.ds.findOneAsync({ _id: teamInstallKey(id) }));
  }

  async findByEnterprise(enterpriseId: string): Promise<SlackInstallationRecord | undefined> {
    const id = asSlackId(enterpriseId);
    return id === undefined ? undefined : slackInstallationFromDocument(await this.ds.findOneAsync({ _id: enterpriseInstallKey(id) }));
  }

  async deleteTeam(teamId: string): Promise<number> {
    const id = asSlackId(teamId);
    return id === undefined ? 0 : this.ds.removeAsync({ _id: teamInstallKey(id) }, {});
  }

  async deleteEnterprise(enterpriseId: string): Promise<number> {
    const id = asSlackId(enterpriseId);
    return id === undefined ? 0 : this.ds.removeAsync({ _id: enterpriseInstallKey(id) }, {});
  }
}
