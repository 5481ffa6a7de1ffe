/**
 * The application layer's ports: what dialogs and adapters may depend on. Implementations live in app/
 * (or in an adapter) and are handed in by bot/, the composition root.
 */
export * from './approval-channels.port';
export * from './logger.port';
export * from './notification-cards.port';
export * from './notification.port';
export * from './recognizer.port';
export * from './turn.port';
export * from './partner-center.port';
export * from './reader.port';
export * from './approvers.port';
export * from './group-members.port';
