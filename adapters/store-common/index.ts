/** Rules both stores implement identically (document layout, keys, errors), kept in one place. */
export * from './directory-documents';
export * from './directory-keys';
export * from './event-document';
export * from './key-value-document';
export * from './query-keys';
export * from './reference-document';
export * from './request-document';
export * from './state-item';
export * from './store-errors';
export * from './uri-redaction';
export * from './slack-installation-document';
export * from './candidate-filter';
export * from './import-batches';
