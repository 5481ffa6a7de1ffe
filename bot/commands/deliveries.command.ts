import type { InboxEvent } from '../../domain';
import { loadConfig } from '../config';
import { openConfiguredStore } from '../runtime';
import type { CommandIo } from './command-io';

const USAGE = 'Usage: partner-link deliveries --dead [--source slack|notify] [--limit N] [--json]';

/** One line per dead delivery: when it was moved aside, its ID and source, attempts, and why. */
const line = (e: InboxEvent) => `${(e.completedAt ?? e.receivedAt).toISOString()}  ${e.id}  source=${e.source}  attempts=${e.attempts}  ${e.deadReason ?? ''}`.trimEnd();

/**
 * Lists the deliveries moved aside as dead (failed too often, unreadable, or too old to replay at
 * start) in the configured store, oldest first. Their bodies stay in the store and are not printed:
 * they hold what people wrote.
 */
export async function runDeliveriesCommand(args: string[], io: CommandIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const source = value('--source');
  const limitText = value('--limit');
  const limit = limitText === undefined ? 100 : Number(limitText);
  if (!args.includes('--dead') || (args.includes('--source') && !source) || !Number.isInteger(limit) || limit < 1 || limit > 1000) {
    io.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const store = await openConfiguredStore(loadConfig(env));
  try {
    const dead = await store.events.listDead(source, limit);
    if (args.includes('--json')) {
      io.stdout.write(`${JSON.stringify(dead.map(({ payload: _body, ...rest }) => rest), null, 2)}\n`);
      return 0;
    }
    for (const e of dead) io.stdout.write(`${line(e)}\n`);
    io.stdout.write(`${dead.length} dead deliver${dead.length === 1 ? 'y' : 'ies'}${source ? ` from ${source}` : ''} in the ${store.kind} store at ${store.location}.\n`);
    return 0;
  } finally {
    await store.close();
  }
}
