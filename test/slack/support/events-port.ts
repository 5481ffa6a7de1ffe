import type { ProcessedEventPort } from '../../../domain';

/** The inbox port's methods bound to the real one, with some replaced (a store that is down, or slow). */
export function withEvents(events: ProcessedEventPort, replace: Partial<ProcessedEventPort> = {}): ProcessedEventPort {
  return {
    claim: (e, now, opts) => events.claim(e, now, opts),
    complete: (id, now, opts) => events.complete(id, now, opts),
    get: (id) => events.get(id),
    listDue: (source, now, limit) => events.listDue(source, now, limit),
    listDead: (source, limit) => events.listDead(source, limit),
    markDead: (id, now, reason) => events.markDead(id, now, reason),
    pruneDead: (source, before) => events.pruneDead(source, before),
    reschedule: (id, dueAt) => events.reschedule(id, dueAt),
    recordAttempt: (id) => events.recordAttempt(id),
    pruneDone: (source, before) => events.pruneDone(source, before),
    takeOver: (id, now, until) => events.takeOver(id, now, until),
    ...replace,
  };
}
