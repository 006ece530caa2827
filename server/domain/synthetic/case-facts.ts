import { daysFromCivil } from './calendar';
import { citizenshipPicker, exploitationPicker } from './countries';
import { type Rng, WeightedPicker } from './prng';

/**
 * The truth behind one synthetic row, in the standard's terms. Each partner profile renders it in
 * its own layout, so the ground truth of a mapping is known exactly.
 */
export const MEANS_OF_CONTROL = [
  'DebtBondage', 'TakesEarnings', 'RestrictsFinancialAccess', 'Threats', 'PsychologicalAbuse',
  'PhysicalAbuse', 'SexualAbuse', 'FalsePromises', 'PsychoactiveSubstances', 'RestrictsMovement',
  'RestrictsMedicalCare', 'ExcessiveWorkingHours', 'UsesChildren', 'ThreatOfLawEnforcement',
  'WithholdsNecessities', 'WithholdsDocuments', 'Other',
] as const;
export type MeanOfControl = (typeof MEANS_OF_CONTROL)[number];

export const EXPLOITATIONS = [
  'ForcedLabour', 'SexualExploit', 'OtherExploit', 'ForcedMarriage', 'ForcedMilitary', 'OrganRemoval',
  'SlaveryAndPractices',
] as const;
export type Exploitation = (typeof EXPLOITATIONS)[number];

export const LABOUR_TYPES = [
  'Agriculture', 'Aquafarming', 'Begging', 'Construction', 'DomesticWork', 'Hospitality',
  'IllicitActivities', 'Manufacturing', 'MiningOrDrilling', 'Peddling', 'Transportation', 'Other',
] as const;
export type LabourType = (typeof LABOUR_TYPES)[number];

export const SEX_TYPES = ['Prostitution', 'Pornography', 'RemoteInteractiveServices', 'PrivateSexualServices'] as const;
export type SexType = (typeof SEX_TYPES)[number];

export const RECRUITER_RELATIONS = ['IntimatePartner', 'Friend', 'Family', 'Other', 'Unknown'] as const;
export type RecruiterRelation = (typeof RECRUITER_RELATIONS)[number];

export type Gender = 'Female' | 'Male' | 'Transgender/NonConforming';

export interface CaseFacts {
  /** Days since 1970-01-01 of first contact / registration. */
  registeredOn: number;
  gender: Gender | null;
  /** Age in years at registration. */
  age: number | null;
  birthDay: number | null;
  /** Years between the start of exploitation and registration. */
  yearsExploited: number;
  citizenship: string | null;
  countryOfExploitation: string | null;
  meansOfControl: MeanOfControl[];
  exploitations: Exploitation[];
  labourType: LabourType | null;
  sexType: SexType | null;
  recruiterRelation: RecruiterRelation | null;
  isAbduction: boolean | null;
}

const yearPicker = new WeightedPicker(
  [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024],
  [3, 4, 5, 6, 8, 6, 8, 10, 12, 14],
);
const genderPicker = new WeightedPicker<Gender>(['Female', 'Male', 'Transgender/NonConforming'], [70, 28, 2]);
const labourPicker = new WeightedPicker<LabourType>(LABOUR_TYPES, [14, 3, 6, 12, 22, 10, 3, 12, 4, 4, 3, 7]);
const sexPicker = new WeightedPicker<SexType>(SEX_TYPES, [80, 8, 7, 5]);
const relationPicker = new WeightedPicker<RecruiterRelation>(RECRUITER_RELATIONS, [10, 20, 25, 30, 15]);
const controlRates: Record<MeanOfControl, number> = {
  DebtBondage: 0.2, TakesEarnings: 0.25, RestrictsFinancialAccess: 0.05, Threats: 0.35,
  PsychologicalAbuse: 0.3, PhysicalAbuse: 0.25, SexualAbuse: 0.12, FalsePromises: 0.3,
  PsychoactiveSubstances: 0.05, RestrictsMovement: 0.3, RestrictsMedicalCare: 0.04,
  ExcessiveWorkingHours: 0.15, UsesChildren: 0.01, ThreatOfLawEnforcement: 0.06,
  WithholdsNecessities: 0.08, WithholdsDocuments: 0.2, Other: 0.04,
};

function drawAge(rng: Rng): number {
  if (rng.chance(0.22)) return rng.int(8, 17);
  // Adults skew young: most victims registered are in their twenties.
  return 18 + Math.floor(Math.pow(rng.next(), 1.8) * 42);
}

function drawExploitations(rng: Rng): Exploitation[] {
  const r = rng.next();
  if (r < 0.45) return ['SexualExploit'];
  if (r < 0.86) return ['ForcedLabour'];
  if (r < 0.9) return ['ForcedLabour', 'SexualExploit'];
  if (r < 0.93) return ['ForcedMarriage'];
  if (r < 0.98) return ['OtherExploit'];
  if (r < 0.99) return ['SlaveryAndPractices'];
  return rng.chance(0.7) ? ['ForcedMilitary'] : ['OrganRemoval'];
}

export function drawCaseFacts(rng: Rng): CaseFacts {
  const year = yearPicker.pick(rng);
  const registeredOn = daysFromCivil(year, 1, 1) + rng.int(0, 364);
  const age = rng.chance(0.08) ? null : drawAge(rng);
  const birthDay = age === null ? null : registeredOn - age * 365 - rng.int(5, 360);
  const citizenship = rng.chance(0.05) ? null : citizenshipPicker.pick(rng);
  const domestic = citizenship !== null && rng.chance(0.3);
  const countryOfExploitation = rng.chance(0.06) ? null : domestic ? citizenship : exploitationPicker.pick(rng);
  const exploitations = drawExploitations(rng);
  const meansOfControl = MEANS_OF_CONTROL.filter((m) => rng.chance(controlRates[m]));
  return {
    registeredOn,
    gender: rng.chance(0.03) ? null : genderPicker.pick(rng),
    age,
    birthDay,
    yearsExploited: rng.int(0, 4),
    citizenship,
    countryOfExploitation,
    meansOfControl,
    exploitations,
    labourType: exploitations.includes('ForcedLabour') ? labourPicker.pick(rng) : null,
    sexType: exploitations.includes('SexualExploit') ? sexPicker.pick(rng) : null,
    recruiterRelation: rng.chance(0.2) ? null : relationPicker.pick(rng),
    isAbduction: rng.chance(0.3) ? null : rng.chance(0.08),
  };
}
