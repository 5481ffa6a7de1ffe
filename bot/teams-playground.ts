import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import type { Config } from './config';
import type { Logger } from './logger';

/**
 * Microsoft 365 Agents Playground for local development: Microsoft's own Teams-like client, pointed at
 * this bot's /api/messages. Two Playgrounds from `.m365agentsplayground.yml`: one as its currentUser
 * (the requester), one as its first other user (an approver), since a Playground page speaks as one
 * user only. A devDependency: absent from production installs, and never started with credentials.
 */

export interface PlaygroundUser {
  name: string;
  url: string;
}

export interface RunningPlaygrounds {
  users: PlaygroundUser[];
  stop(): Promise<void>;
}

interface MockUser {
  id: string;
  name: string;
}
interface PlaygroundFile {
  currentUser: MockUser;
  users: MockUser[];
  personalChat: { id: string };
  [key: string]: unknown;
}

export function playgroundWanted(config: Config): boolean {
  return config.PLAYGROUND === 'on' && config.NODE_ENV !== 'production' && !config.MicrosoftAppId;
}

function playgroundCli(): string | undefined {
  try {
    return join(dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
  } catch {
    return undefined;
  }
}

/** The config file as each persona sees it: the first as written, the second with users[0] as currentUser. */
export function personaConfigs(file: PlaygroundFile): PlaygroundFile[] {
  const [second, ...others] = file.users;
  if (!second) return [file];
  return [
    file,
    { ...file, currentUser: second, users: [file.currentUser, ...others], personalChat: { id: `a:personal-chat-${second.id.replace(/^\d+:/, '').replace(/[^A-Za-z0-9-]/g, '')}` } },
  ];
}

export interface PlaygroundOptions {
  /** The bot endpoint; default http://localhost:<PORT>/api/messages. */
  botUrl?: string;
  /** First Playground's port; the second uses the next one. Default PLAYGROUND_PORT. */
  port?: number;
  /** The mock users file; default .m365agentsplayground.yml in the working directory. */
  configFile?: string;
}

export function startPlaygrounds(config: Config, logger: Logger, options: PlaygroundOptions = {}): RunningPlaygrounds | undefined {
  const cli = playgroundCli();
  if (!cli) {
    logger.info('Agents Playground is not installed (it is a devDependency); not starting it');
    return undefined;
  }
  const configFile = resolve(options.configFile ?? '.m365agentsplayground.yml');
  if (!existsSync(configFile)) {
    logger.warn({ configFile }, 'Agents Playground: mock users file not found; not starting it');
    return undefined;
  }
  const botUrl = options.botUrl ?? `http://${reachableHost(config.HOST)}:${config.PORT}/api/messages`;
  const firstPort = options.port ?? config.PLAYGROUND_PORT;
  const work = mkdtempSync(join(tmpdir(), 'pl-playground-'));
  // The Playground opens a browser at start; on a machine without a desktop that must do nothing.
  const bin = join(work, 'bin');
  mkdirSync(bin);
  for (const opener of ['xdg-open', 'open', 'sensible-browser']) {
    writeFileSync(join(bin, opener), '#!/bin/sh\nexit 0\n');
    chmodSync(join(bin, opener), 0o755);
  }
  const personas = personaConfigs(parse(readFileSync(configFile, 'utf8')) as PlaygroundFile);
  const children: ChildProcess[] = [];
  const users: PlaygroundUser[] = personas.map((persona, i) => {
    const port = firstPort + i;
    const file = join(work, `persona-${i}.yml`);
    writeFileSync(file, stringify(persona));
    const child = spawn(process.execPath, [cli, '-e', botUrl, '-c', 'msteams', '-p', String(port), '--disable-telemetry'], {
      cwd: work,
      env: {
        ...process.env,
        PATH: `${bin}:${process.env.PATH ?? ''}`,
        TEAMSAPPTESTER_BROWSER: 'none',
        BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: file,
        M365_AGENTS_PLAYGROUND_LOGFILE: join(work, `playground-${i}.log`),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => logger.debug({ playground: port }, d.toString().trim()));
    child.stderr?.on('data', (d: Buffer) => logger.debug({ playground: port }, d.toString().trim()));
    child.once('exit', (code, signal) => logger.info({ playground: port, code, signal }, 'Agents Playground stopped'));
    children.push(child);
    return { name: persona.currentUser.name, url: `http://localhost:${port}` };
  });
  logger.info(
    { playground: users },
    `Agents Playground (local Teams client): open ${users.map((u) => `${u.url} to chat as ${u.name}`).join('; ')}`,
  );
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.all(children.map((c) => stopChild(c)));
    rmSync(work, { recursive: true, force: true });
  };
  const onExit = () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  };
  process.once('exit', onExit);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop());
  return { users, stop };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

/** Where a local client reaches a server listening on `host` (an any-address means loopback). */
function reachableHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::' || host === '::1') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
