import type { ConversationReferencePort } from './conversation-reference.port';
import type { ConversationStatePort } from './conversation-state.port';
import type { DirectoryPort } from './directory.port';
import type { KeyValuePort } from './key-value.port';
import type { ProcessedEventPort } from './processed-event.port';
import type { RequestRepositoryPort } from './request-repository.port';
import type { SavedOrganizationIndexPort } from './saved-organization-index.port';
import type { SlackInstallationPort } from './slack-installation.port';

/** One store gives every port; the embedded store and MongoDB each implement it. */
export interface StorePort {
  readonly kind: 'embedded' | 'mongodb';
  /** Human-readable description of where the data lives (a folder, a redacted URI). */
  readonly location: string;
  readonly directory: DirectoryPort;
  readonly requests: RequestRepositoryPort;
  readonly conversationState: ConversationStatePort;
  readonly references: ConversationReferencePort;
  /** Platform deliveries (the durable inbox). */
  readonly events: ProcessedEventPort;
  /** Values with a time to live (its own collection). */
  readonly keyValues: KeyValuePort;
  /** Slack installations, one per workspace or org-wide install (tokens sealed by the Slack adapter). */
  readonly slackInstallations: SlackInstallationPort;
  /** The recognizer's organization-name index saved beside the directory, and the names generation. */
  readonly organizationIndex: SavedOrganizationIndexPort;
  /** Whether the store answers right now (for /readyz). */
  ping(): Promise<boolean>;
  /**
   * Whether an error thrown by one of the ports means "the store cannot be reached right now" (and
   * may work again later), as opposed to a bug or bad data. The store knows its own errors.
   */
  isUnavailable(err: unknown): boolean;
  close(): Promise<void>;
}
