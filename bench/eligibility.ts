/**
 * `node dist/bench/eligibility.js <DATA_DIR> [runs] [--query-only] [--customer=<id>]`: on a store already seeded (embedded in DATA_DIR,
 * or MongoDB when MONGODB_URI is set)
 * (`partner-link seed` of a generated directory), times the Azure eligibility query for a US customer, an
 * add-partner turn and a Teams link turn (bench/lib/eligibility-timing.ts), and prints one JSON object.
 */
import { openStore } from '../adapters/open-store';
import { ADD_PARTNER_TEXT, LINK_TEXT, pickScalePeople, timeEligibilityQuery, timeRuns, turnRunner } from './lib/eligibility-timing';

async function main() {
  const [dataDir, runsArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!dataDir) throw new Error('usage: eligibility.js <DATA_DIR> [runs] [--query-only] [--customer=<id>]');
  const runs = Number(runsArg ?? 5);
  const queryOnly = process.argv.includes('--query-only');
  const t0 = Date.now();
  // MONGODB_URI (and MONGODB_DB) when set, as the product reads them; else the embedded store in DATA_DIR.
  const mongodbUri = process.env.MONGODB_URI;
  const dbName = process.env.MONGODB_DB;
  const store = await openStore({ dataDir, ...(mongodbUri ? { mongodbUri } : {}), ...(dbName ? { dbName } : {}) });
  const openMs = Date.now() - t0;
  try {
    const customerArg = process.argv.find((a) => a.startsWith('--customer='))?.slice('--customer='.length);
    const people = await pickScalePeople(store, customerArg);
    const { runtime, say } = await turnRunner(store);
    const query = await timeEligibilityQuery(runtime, people, runs);
    const out: Record<string, unknown> = { dataDir, openMs, customer: people.customer.id, reseller: people.reseller.id, query };
    if (!queryOnly) {
      let addCard: number[] = [];
      out.addPartnerTurn = await timeRuns(runs, async () => (addCard = (await say(people.customerAdmin, ADD_PARTNER_TEXT)).cardBytes));
      out.addPartnerCardBytes = addCard;
      let linkCard: number[] = [];
      out.teamsLinkTurn = await timeRuns(runs, async () => (linkCard = (await say(people.resellerAdmin, LINK_TEXT)).cardBytes));
      out.linkCardBytes = linkCard;
    }
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
