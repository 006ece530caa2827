/** Independent release verification, written apart from the anonymization engine. */
export { identifierKindOf, looksLikeName } from './identifier-patterns';
export type { IdentifierKind } from './identifier-patterns';
export { ReleaseVerifier, verifyRows } from './release-verifier';
export type { VerificationOptions, VerificationReport, Violation, ViolationKind } from './release-verifier';
export { verifyCsvFile } from './verify-csv-file';
