#!/usr/bin/env node
import { ConfigError } from './config';
import type { CommandIo } from './commands/command-io';

type Command = { summary: string; run: (args: string[], io: CommandIo) => Promise<number> };

// Commands load lazily so that `partner-link seed` does not pay for the NLU model, and so on.
const COMMANDS: Record<string, Command> = {
  seed: {
    summary: 'seed <file> [--dry-run]   import a directory file (YAML or JSON) into the configured store',
    run: async (args, io) => (await import('./commands/seed.command')).runSeedCommand(args, io),
  },
  nlu: {
    summary: 'nlu "<text>" | --eval <file.jsonl> [--json]   recognize intent and entities (no text: one utterance per stdin line)',
    run: async (args, io) => (await import('./commands/nlu.command')).runNluCommand(args, io),
  },
  deliveries: {
    summary: 'deliveries --dead [--source slack|notify] [--limit N] [--json]   list deliveries moved aside as dead (failed too often, unreadable, too old)',
    run: async (args, io) => (await import('./commands/deliveries.command')).runDeliveriesCommand(args, io),
  },
  manifest: {
    summary: 'manifest teams|slack [--out <file>] [--socket-mode]   build the Teams app zip or the Slack app manifest',
    run: async (args, io) => (await import('./commands/manifest.command')).runManifestCommand(args, io),
  },
  'partner-center': {
    summary: 'partner-center login   sign in to Partner Center once (device code, MFA); the token cache is stored encrypted',
    run: async (args, io) => (await import('./commands/partner-center.command')).runPartnerCenterCommand(args, io),
  },
  sync: {
    summary: 'sync [--dry-run]   import the directory from Partner Center (customers, resellers, subscriptions); --dry-run prints what would change',
    run: async (args, io) => (await import('./commands/sync.command')).runSyncCommand(args, io),
  },
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  partner-link ${c.summary}`);
  return `Partner Link command line\n\n${lines.join('\n')}\n  partner-link help                 this text\n`;
}

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (e) {
    io.stderr.write(`${e instanceof ConfigError ? e.message : `partner-link ${name} failed: ${(e as Error).message}`}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
  );
}
