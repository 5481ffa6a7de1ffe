export * from './clock.port';
export * from './conversation-reference.port';
export * from './conversation-state.port';
export * from './directory.port';
export * from './processed-event.port';
export * from './request-repository.port';
export * from './store.port';
export * from './proactive-sender.port';
