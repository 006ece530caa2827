export * from './auth';
export * from './audit';
export * from './jobs';
export * from './notifications';
export * from './partners';
export * from './submissions';
export * from './mappings';
export * from './records';
