import type { DirectoryPort, DomainPolicy, NotificationPort, PartnerLinkService, Person } from '../domain';
import type { Recognizer } from './recognition';

/** What the dialogs need from outside, handed in once at start (no platform in here). */
export interface DialogDeps {
  service: PartnerLinkService;
  directory: DirectoryPort;
  recognizer: Recognizer;
  notifier: NotificationPort;
  policy: DomainPolicy;
  /**
   * The platform user IDs of these people (Teams: the IDs their activities arrive with), for the
   * approval card's refresh list. The bot layer knows them from stored conversation references.
   */
  platformUserIds(people: readonly Person[]): Promise<string[]>;
}
