import type { Activity } from 'botbuilder';
import type { Platform, StoredReference } from '../domain';

/** Delivers a message into a conversation the bot has seen before (Teams: the Bot Connector; Slack: the Web API). */
export interface ProactiveSender {
  readonly platform: Platform;
  send(ref: StoredReference, activity: Partial<Activity>): Promise<void>;
}
