import type { Platform } from '../person';
import type { StoredReference } from './conversation-reference.port';

/** A message for someone outside the current conversation: an Adaptive Card and its plain-text summary. */
export interface OutboundMessage {
  /** Adaptive Card JSON; Teams shows it as is, Slack renders it as Block Kit. */
  card?: Record<string, unknown>;
  text?: string;
  /** For notifications and screen readers (never empty). */
  summary: string;
}

/** Delivers into a conversation the bot has seen (Teams: the Bot Connector; Slack: the Web API). */
export interface ProactiveSenderPort {
  readonly platform: Platform;
  /** Posts the message; returns the platform's ID of the posted message (Teams activity ID, Slack ts). */
  send(ref: StoredReference, message: OutboundMessage): Promise<{ messageId?: string }>;
  /**
   * Replaces a message posted earlier, for everyone who sees it. `posted` is the reference the
   * notifier saved for it: the conversation reference plus `activityId` (the messageId from send).
   */
  update(posted: StoredReference, message: OutboundMessage): Promise<void>;
}
