import type { Connection, Model } from 'mongoose';
import { conversationModels, type ConversationModels } from './conversation.models';
import { directoryModels, type DirectoryModels } from './directory.models';
import { organizationIndexModels, type OrganizationIndexModels } from './organization-index.models';
import { inboxEventModel, keyValueModel, slackInstallationModel } from './inbox-event.model';
import { requestModel } from './request.model';
import type { StoredDoc } from './schema-options';
import { writeLockModel } from './write-lock.model';

export type { StoredDoc } from './schema-options';
export type { OrganizationIndexModels } from './organization-index.models';

export interface MongoModels extends DirectoryModels, ConversationModels, OrganizationIndexModels {
  requests: Model<StoredDoc>;
  events: Model<StoredDoc>;
  keyValues: Model<StoredDoc>;
  slackInstallations: Model<StoredDoc>;
  locks: Model<StoredDoc>;
}

/** Every model on one (dedicated) connection. */
export function createModels(conn: Connection): MongoModels {
  return {
    ...directoryModels(conn),
    ...conversationModels(conn),
    ...organizationIndexModels(conn),
    requests: requestModel(conn),
    events: inboxEventModel(conn),
    keyValues: keyValueModel(conn),
    slackInstallations: slackInstallationModel(conn),
    locks: writeLockModel(conn),
  };
}

/** Builds every declared index now (unique ones above all), before the store takes its first write. */
export async function ensureIndexes(models: MongoModels): Promise<void> {
  for (const model of Object.values(models)) {
    await model.createCollection().catch((err: unknown) => {
      // 48 NamespaceExists: the collection is there already, which is what we want.
      if ((err as { code?: unknown }).code !== 48) throw err;
    });
    await model.createIndexes();
  }
}
