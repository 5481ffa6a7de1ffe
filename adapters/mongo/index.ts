/** The MongoDB store (also runs on FerretDB): any number of instances share one database. */
export { MongoStore, type MongoStoreOptions } from './mongo.store';
