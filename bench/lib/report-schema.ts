/**
 * The shape of bench/results/latest.json (and quick.json): what the README's tables and the chart read
 * from it. run.ts checks every report against it before writing; test/bench checks the committed one.
 * A figure that was not measured is null in the JSON (JSON has no NaN).
 */
import { z } from 'zod';

const figure = z.number().nullable();

export const RowSchema = z.object({
  id: z.string().min(1),
  figure: z.string().min(1),
  product: z.string(),
  floor: z.string(),
  ratio: z.string(),
  target: z.string(),
  verdict: z.enum(['PASS', 'FAIL', 'INFO', 'n/a']),
  note: z.string().optional(),
});

const Load = z.object({
  mode: z.enum(['saturation', 'fixed-rate']),
  sent: z.number().int().nonnegative(),
  ok: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  throughput: figure,
  p50: figure,
  p99: figure,
});

export const ScaleCaseSchema = z
  .object({
    size: z.enum(['S', 'M', 'L']),
    store: z.enum(['embedded', 'mongodb']),
    organizations: z.number().int().positive().optional(),
    seedMs: figure.optional(),
    startMs: figure.optional(),
    rssAfterStart: figure.optional(),
    rssAfterConversations: figure.optional(),
    conversations: z.number().int().nonnegative().optional(),
    teamsLink: Load.passthrough().optional(),
    slackAddPartner: Load.passthrough().optional(),
    slackAck: Load.passthrough().optional(),
    roundTripsPerTurn: z.object({ teams: figure, slack: figure, idlePerSecond: figure }).optional(),
    eligibility: z.record(z.string(), z.unknown()).optional(),
    failed: z.string().optional(),
    skipped: z.string().optional(),
  })
  .passthrough()
  // A case either has its figures, or says why not.
  .refine((c) => c.failed !== undefined || c.skipped !== undefined || (c.seedMs !== undefined && c.startMs !== undefined && c.teamsLink !== undefined), { message: 'a scale case without figures must say why (failed or skipped)' });

const Floor = z.object({ ratio: figure, addedFloorTurnsPerTurn: figure, product: figure, dialogs: figure });

export const ReportSchema = z
  .object({
    date: z.string().datetime(),
    durationMs: z.number().nonnegative(),
    commit: z.string().min(1),
    machine: z.object({ cpus: z.number().int().positive(), cpuModel: z.string(), memoryBytes: z.number().positive(), platform: z.string(), node: z.string(), loadAverageAtStart: z.array(z.number()).length(3) }).passthrough(),
    quick: z.boolean(),
    phases: z.record(z.string(), z.number()),
    text: z.string(),
    rows: z.array(RowSchema).min(1),
    results: z
      .object({
        scale: z.object({ plan: z.record(z.string(), z.unknown()), sizes: z.record(z.string(), z.unknown()), cases: z.array(ScaleCaseSchema) }).optional(),
        floor: z.object({ teams: Floor.passthrough().optional(), slack: Floor.passthrough().optional() }).optional(),
      })
      .passthrough(),
    failures: z.record(z.string(), z.unknown()),
    sinkCounts: z.record(z.string(), z.number().int().nonnegative()),
  })
  .passthrough();

export type Report = z.infer<typeof ReportSchema>;

/** The report's problems against the schema, as "path: message" lines (none when it fits). */
export function checkReport(report: unknown): string[] {
  const r = ReportSchema.safeParse(report);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}
