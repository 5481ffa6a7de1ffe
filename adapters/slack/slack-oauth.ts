import { InstallProvider, LogLevel, type Installation, type Logger } from '@slack/oauth';
import type { WebClientOptions } from '@slack/web-api';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse } from 'yaml';
import { z } from 'zod';
import type { InstallationStore } from '@slack/oauth';

export const SLACK_INSTALL_PATH = '/slack/install';
export const SLACK_OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';

const manifestSchema = z.object({ oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string().min(1)).min(1) }) }) });

/** The bot scopes the Slack manifest the project ships names (manifest/slack/manifest.yml). */
export function manifestBotScopes(manifestYaml: string): string[] {
  return manifestSchema.parse(parse(manifestYaml)).oauth_config.scopes.bot;
}

export interface SlackOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** Signs the OAuth state (a cookie checked on the way back). */
  stateSecret: string;
  scopes: string[];
  installationStore: InstallationStore;
  clientOptions?: WebClientOptions;
  /**
   * Told once an installation is stored (binds the workspace to its organization); what it answers
   * chooses the page the installer sees. Unset or undefined: the plain success page.
   */
  onInstalled?: (installation: Installation) => Promise<SlackInstallOutcome | void>;
  /** Logs a failed install without its details (no code, state or token). */
  onFailure?: (code: string) => void;
}

/** InstallProvider's errors may quote the state or Slack's answer: none of it reaches the logs. */
const quietLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** How an installation ended for the directory (see bindSlackInstallation). */
export type SlackInstallOutcome = 'bound' | 'first-admin' | 'unbound' | 'taken';

/** The page after the redirect, in English and Japanese (the installer's language is not known here). */
const PAGES: Record<SlackInstallOutcome | 'failed', { status: number; text: string }> = {
  bound: { status: 200, text: 'Partner Link is installed in your Slack workspace. / Partner Link を Slack ワークスペースにインストールしました。' },
  'first-admin': {
    status: 200,
    text: 'Partner Link is installed in your Slack workspace, and you are now the first admin of your organization in Partner Link. / Partner Link を Slack ワークスペースにインストールしました。あなたが Partner Link でのこの組織の最初の管理者になりました。',
  },
  unbound: {
    status: 200,
    text: 'Partner Link is installed, but this workspace does not belong to any organization Partner Link knows yet, so people here cannot use it. Ask the operator to add the workspace to your organization. / Partner Link をインストールしましたが、このワークスペースはまだどの組織にも属していないため、ここでは利用できません。運用担当者にワークスペースを組織へ追加するよう依頼してください。',
  },
  taken: {
    status: 409,
    text: 'Partner Link is installed, but this workspace already belongs to another organization, so it was not linked to yours. Ask the operator to check the directory. / Partner Link をインストールしましたが、このワークスペースは別の組織に属しているため、あなたの組織には関連付けませんでした。運用担当者にディレクトリの確認を依頼してください。',
  },
  failed: { status: 500, text: 'The installation was stored, but it could not be linked to your organization. / インストールは保存されましたが、組織との関連付けに失敗しました。' },
};

/**
 * "Add to Slack" for a distributed app: GET /slack/install starts Slack's OAuth v2 flow (state signed
 * with SLACK_STATE_SECRET and kept in a cookie), GET /slack/oauth_redirect verifies the state, calls
 * oauth.v2.access and stores the installation (sealed) through `installationStore`.
 */
export function slackOAuthHandlers(o: SlackOAuthOptions): { provider: InstallProvider; install: Handler; redirect: Handler } {
  const provider = new InstallProvider({
    clientId: o.clientId,
    clientSecret: o.clientSecret,
    stateSecret: o.stateSecret,
    installationStore: o.installationStore,
    stateVerification: true,
    directInstall: true,
    logger: quietLogger,
    ...(o.clientOptions ? { clientOptions: o.clientOptions } : {}),
  });
  const page = (res: ServerResponse, status: number, text: string) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(text);
  };
  return {
    provider,
    install: (req, res) => provider.handleInstallPath(req, res, undefined, { scopes: o.scopes, redirectUri: undefined }),
    redirect: (req, res) =>
      provider.handleCallback(req, res, {
        success: (installation) => {
          void (o.onInstalled?.(installation as Installation) ?? Promise.resolve()).then(
            (outcome) => page(res, PAGES[outcome ?? 'bound'].status, PAGES[outcome ?? 'bound'].text),
            () => page(res, PAGES.failed.status, PAGES.failed.text),
          );
        },
        failure: (error) => {
          o.onFailure?.((error as { code?: string }).code ?? 'unknown');
          page(res, 400, 'The Slack installation did not complete; please start again from the install link. / Slack へのインストールが完了しませんでした。インストール用リンクからやり直してください。');
        },
      }),
  };
}
