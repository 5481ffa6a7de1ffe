import { z } from 'zod';

// Issue 17: what a directory sync reports, and the checkpoint a run keeps in the store (see directory-sync.ts).

/** What the sync reports changes of. */
export const SYNC_KINDS = ['operator', 'resellers', 'links', 'customers', 'relationships', 'subscriptions'] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];
export interface SyncChangeCounts {
  added: number;
  updated: number;
  /** Shown by Partner Center before, not any more: marked inactive (kept). */
  inactive: number;
}
export type SyncCounts = Record<SyncKind, SyncChangeCounts>;

/** A record the sync could not take, and why (for the admin who runs it). */
export interface SyncSkip {
  kind: SyncKind;
  /** The tenant (or subscription) it is about. */
  ref: string;
  reason: string;
}

export interface SyncReport {
  dryRun: boolean;
  counts: SyncCounts;
  /** The first skipped records (at most MAX_SKIPS_KEPT) and how many there were in all. */
  skipped: SyncSkip[];
  skippedTotal: number;
  /** Whether this run continued one that stopped (its checkpoint). */
  resumed: boolean;
  customersDone: number;
  startedAt: Date;
}

export type SyncPhase = 'operator' | 'resellers' | 'customers' | 'finishing';
export interface SyncProgress {
  phase: SyncPhase;
  /** Customers done so far (in the customers phase). */
  done: number;
  /** Customers known so far: those done and the rest of the page being read (Partner Center gives no overall count). */
  known?: number;
  /** Whether more pages follow the one being read. */
  more?: boolean;
}

export const SYNC_CHECKPOINT_KEY = 'partner-center:sync-checkpoint';
/** A checkpoint older than this is not continued (the data it saw is too old): a new run starts. */
export const SYNC_CHECKPOINT_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const MAX_SKIPS_KEPT = 200;
/** The checkpoint is saved every this many customers, at the end of each page and when a run stops. */

export const ContinuationSchema = z.object({ uri: z.string().min(1).max(4000), headers: z.record(z.string(), z.string().max(8000)) });
export const CountsSchema = z.object({ added: z.number().int().min(0), updated: z.number().int().min(0), inactive: z.number().int().min(0) });
export const CheckpointSchema = z.object({
  /** 2 since issue 19 (the tenants seen moved out to a key per page; a version-1 checkpoint is not continued). */
  v: z.literal(2),
  startedAt: z.coerce.date(),
  operatorId: z.string().optional(),
  /** The page being worked on (undefined: the first), and how many of its customers are done. */
  pageAt: ContinuationSchema.optional(),
  doneInPage: z.number().int().min(0),
  customersDone: z.number().int().min(0),
  /** Pages finished, each with its tenants seen under seenPageKey(n) (seen-tenants.ts). */
  seenPages: z.number().int().min(0),
  /** The tenants seen so far on the page being read (at most a page). */
  seenInPage: z.array(z.string()).max(1000),
  counts: z.object(Object.fromEntries(SYNC_KINDS.map((k) => [k, CountsSchema])) as Record<SyncKind, typeof CountsSchema>),
  skipped: z.array(z.object({ kind: z.enum(SYNC_KINDS), ref: z.string(), reason: z.string() })),
  skippedTotal: z.number().int().min(0),
});
export type Checkpoint = z.infer<typeof CheckpointSchema>;

export const zero = (): SyncCounts => Object.fromEntries(SYNC_KINDS.map((k) => [k, { added: 0, updated: 0, inactive: 0 }])) as SyncCounts;
