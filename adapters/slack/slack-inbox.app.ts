import { App, type AppOptions, type ReceiverEvent } from '@slack/bolt';
import type { SlackInboxProcessor } from './slack-inbox.processor';

/**
 * Bolt, used as the transport: its receivers verify signatures (HTTP) or hold the WebSocket (Socket
 * Mode) and hand every request over as one ReceiverEvent. Instead of Bolt's listener chain (which
 * acknowledges Events API requests before any middleware runs) each event goes to the inbox, which
 * records it durably before acknowledging it.
 */
export class SlackInboxApp extends App {
  private inbox: SlackInboxProcessor | undefined;

  constructor(options: AppOptions) {
    super(options);
  }

  attach(inbox: SlackInboxProcessor): void {
    this.inbox = inbox;
  }

  override async processEvent(event: ReceiverEvent): Promise<void> {
    // Not attached yet: throwing leaves the request unacknowledged, so Slack delivers it again.
    if (!this.inbox) throw new Error('The Slack inbox is not attached yet');
    await this.inbox.receive(event.body, (response) => (response === undefined ? event.ack() : event.ack(response)), event.retryNum !== undefined ? { retryNum: event.retryNum } : {});
  }
}
