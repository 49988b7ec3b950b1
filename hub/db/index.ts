// The database API: every read and write the hub makes, as functions that take the db first.
export * from './calls';
export * from './cases';
export * from './connection';
export * from './counters';
export * from './devices';
export * from './events';
export * from './open';
export * from './printing';
export * from './services';
export * from './settings';
export * from './tickets';
export * from './users';
export * from './survey';
