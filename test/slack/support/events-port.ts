import type { ProcessedEventPort } from '../../../domain';

/** The inbox port's methods bound to the real one, with some replaced (a store that is down, or slow). */
export function withEvents(events: ProcessedEventPort, replace: Partial<ProcessedEventPort> = {}): ProcessedEventPort {
  return {
    claim: (e, now) => events.claim(e, now),
    complete: (id, now, opts) => events.complete(id, now, opts),
    get: (id) => events.get(id),
    listPending: (olderThan, limit) => events.listPending(olderThan, limit),
    recordAttempt: (id) => events.recordAttempt(id),
    pruneDone: (source, before) => events.pruneDone(source, before),
    takeOver: (id, now, until) => events.takeOver(id, now, until),
    ...replace,
  };
}
