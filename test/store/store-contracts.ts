import { describeConversationReferenceContract } from './contract/conversation-reference.contract';
import { describeConversationStateContract } from './contract/conversation-state.contract';
import { describeDirectoryContract } from './contract/directory.contract';
import { describeKeyValueContract } from './contract/key-value.contract';
import { describeProcessedEventContract } from './contract/processed-event.contract';
import { describeRequestOutboxContract } from './contract/request-outbox.contract';
import { describeRequestRepositoryContract } from './contract/request-repository.contract';
import { describeSlackInstallationContract } from './contract/slack-installation.contract';
import { describeStoreLifecycleContract } from './contract/store-lifecycle.contract';
import type { StoreFactory } from './contract/store-factory';
import { describePartnerCheckContract } from './contract/partner-check.contract';
import { describeFulfilmentContract } from './contract/fulfilment.contract';
import { describeSavedOrganizationIndexContract } from './contract/saved-organization-index.contract';

/** Every port's contract suite, for one store implementation: both runners call exactly this. */
export function describeStoreContracts(name: string, factory: StoreFactory): void {
  describeDirectoryContract(name, factory);
  describeRequestRepositoryContract(name, factory);
  describeRequestOutboxContract(name, factory);
  describeConversationStateContract(name, factory);
  describeConversationReferenceContract(name, factory);
  describeProcessedEventContract(name, factory);
  describeKeyValueContract(name, factory);
  describeSlackInstallationContract(name, factory);
  describeStoreLifecycleContract(name, factory);
  describePartnerCheckContract(name, factory);
  describeFulfilmentContract(name, factory);
  describeSavedOrganizationIndexContract(name, factory);
}
