export { generatePartnerFile, writePartnerFile, type GeneratePartnerFileOptions } from './generate-partner-file';
export { partnerRows } from './partner-rows';
export { PARTNER_PROFILES, PARTNER_PROFILE_NAMES, getPartnerProfile } from './profiles';
export type {
  GroundTruthEntry, GroundTruthTransform, IdentifierColumn, PartnerProfile, PartnerProfileName,
} from './types';
