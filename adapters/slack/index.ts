/**
 * Slack: Bolt as the transport (HTTP on our express app, or Socket Mode), a durable inbox in front of
 * every delivery, a botbuilder adapter so the one bot runs unchanged, and a proactive sender for the
 * notifier. Cards are rendered by ./block-kit.
 */
export { createSlackRuntime, SLACK_EVENTS_PATH } from './slack.runtime';
export type { SlackRuntime, SlackRuntimeOptions } from './slack.runtime';
export { SlackBotAdapter } from './slack-bot.adapter';
export { SlackProactiveSender } from './slack-proactive.sender';
export { SlackInboxProcessor, INBOX_SOURCE as SLACK_INBOX_SOURCE, DONE_KEPT_MS as SLACK_DONE_KEPT_MS } from './slack-inbox.processor';
export { LEGACY_KV_SOURCE as SLACK_LEGACY_KV_SOURCE, STASH_TTL_MS as SLACK_STASH_TTL_MS } from './slack-stash';
export { findSlackApiError, SlackApiError, toSlackApiError } from './slack-api.errors';
export type { SlackApiErrorCode } from './slack-api.errors';
export { DEFAULT_SLACK_RETRY, slackClientOptions } from './slack-client.options';
export type { SlackRetryPolicy } from './slack-client.options';
export type { SlackLogger } from './slack.types';
export { describeSlackTurn, isSlackActivity } from './slack-turn';
export { manifestBotScopes, slackOAuthHandlers, SLACK_INSTALL_PATH, SLACK_OAUTH_REDIRECT_PATH } from './slack-oauth';
export type { SlackInstallOutcome } from './slack-oauth';
export { InstallationSealer, SealedInstallationStore, tokenKeySecret } from './slack-installation.store';
export { installationTokens, singleWorkspaceToken, SlackNotInstalledError, workspaceOfConversation } from './slack-tokens';
export type { SlackTokenSource, SlackWorkspace } from './slack-tokens';
