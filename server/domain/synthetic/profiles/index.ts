import type { PartnerProfile, PartnerProfileName } from '../types';
import { hotlineProfile } from './hotline';
import { htcdsProfile } from './htcds';
import { legacyCtdcProfile } from './legacy-ctdc';
import { shelterFrProfile } from './shelter-fr';

export const PARTNER_PROFILES: Record<PartnerProfileName, PartnerProfile> = {
  hotline: hotlineProfile,
  htcds: htcdsProfile,
  shelter_fr: shelterFrProfile,
  legacy_ctdc: legacyCtdcProfile,
};

export const PARTNER_PROFILE_NAMES = Object.keys(PARTNER_PROFILES) as PartnerProfileName[];

export function getPartnerProfile(name: string): PartnerProfile {
  const profile = PARTNER_PROFILES[name as PartnerProfileName];
  if (!profile) throw new Error(`Unknown partner profile '${name}' (expected one of ${PARTNER_PROFILE_NAMES.join(', ')})`);
  return profile;
}
