export * from './auth';
export * from './audit';
export * from './jobs';
export * from './notifications';
export * from './partners';
