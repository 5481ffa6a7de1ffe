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
  /** Told once an installation is stored (e.g. to bind the workspace to the installer's organization). */
  onInstalled?: (installation: Installation) => Promise<void>;
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
            () => page(res, 200, 'Partner Link is installed in your Slack workspace. / Partner Link を Slack ワークスペースにインストールしました。'),
            () => page(res, 500, 'The installation was stored, but it could not be linked to your organization. / インストールは保存されましたが、組織との関連付けに失敗しました。'),
          );
        },
        failure: (error) => {
          o.onFailure?.((error as { code?: string }).code ?? 'unknown');
          page(res, 400, 'The Slack installation did not complete; please start again from the install link. / Slack へのインストールが完了しませんでした。インストール用リンクからやり直してください。');
        },
      }),
  };
}
