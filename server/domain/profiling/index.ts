export { profileSource, type ProfileSourceOptions, type ProfilingProgress } from './profile-source';
export { headerHints, normaliseHeader, type HeaderHint } from './header-hints';
export type * from './types';
