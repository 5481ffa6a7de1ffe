/** The embedded (file) store: one instance, no server. */
export { EmbeddedStore, type EmbeddedStoreOptions } from './embedded.store';
