import { isoDate } from '../calendar';
import { alpha3 } from '../countries';
import { dirty } from '../dirt';
import {
  fakeEmail, fakeEnglishAddress, fakeEnglishNarrative, fakeInternationalPhone, fakePassportNumber, fakePerson,
} from '../fake-identity';
import type { CaseFacts, Exploitation, Gender, LabourType, MeanOfControl, RecruiterRelation } from '../case-facts';
import type { Rng } from '../prng';
import type { GroundTruthEntry, PartnerProfile } from '../types';

/**
 * A case-management export aligned with IOM's Human Trafficking Case Data Standard (HTCDS):
 * prefixed column names, coded values, multi-select cells, ISO alpha-3 countries, ISIC sections.
 */
const CONTROL_CODES: Record<MeanOfControl, string> = {
  DebtBondage: 'DebtBondage', TakesEarnings: 'EarningsTaken', RestrictsFinancialAccess: 'FinancialAccessRestricted',
  Threats: 'Threats', PsychologicalAbuse: 'PsychologicalAbuse', PhysicalAbuse: 'PhysicalAbuse',
  SexualAbuse: 'SexualAbuse', FalsePromises: 'FalsePromises', PsychoactiveSubstances: 'PsychoactiveSubstances',
  RestrictsMovement: 'MovementRestricted', RestrictsMedicalCare: 'MedicalCareRestricted',
  ExcessiveWorkingHours: 'ExcessiveWorkingHours', UsesChildren: 'UsesChildren',
  ThreatOfLawEnforcement: 'ThreatOfLawEnforcement', WithholdsNecessities: 'NecessitiesWithheld',
  WithholdsDocuments: 'DocumentsWithheld', Other: 'Other',
};
const EXPLOITATION_CODES: Record<Exploitation, string> = {
  ForcedLabour: 'ForcedLabour', SexualExploit: 'SexualExploitation', OtherExploit: 'Other',
  ForcedMarriage: 'ForcedMarriage', ForcedMilitary: 'ForcedMilitary', OrganRemoval: 'OrganRemoval',
  SlaveryAndPractices: 'SlaveryAndPractices',
};
/** ISIC Rev.4 sections; coarser than the standard's labour types, so some share a section. */
const ISIC_SECTIONS: Record<LabourType, string> = {
  Agriculture: 'A', Aquafarming: 'A', Begging: 'S', Construction: 'F', DomesticWork: 'T', Hospitality: 'I',
  IllicitActivities: 'S', Manufacturing: 'C', MiningOrDrilling: 'B', Peddling: 'G', Transportation: 'H', Other: 'S',
};
const GENDER_CODES: Record<Gender, string[]> = {
  Female: ['Feminine'], Male: ['Masculine'],
  'Transgender/NonConforming': ['TransgenderFeminine', 'TransgenderMasculine', 'NonBinary'],
};
const RELATION_CODES: Record<RecruiterRelation, string> = {
  IntimatePartner: 'IntimatePartner', Friend: 'Friend', Family: 'FamilyMember', Other: 'Other', Unknown: 'Unknown',
};

const COLUMNS = [
  'cas_CaseNumber', 'cas_DateOfRegistration', 'cas_Organisation', 'cas_CaseWorker', 'cas_Status',
  'prs_FirstName', 'prs_LastName', 'prs_DateOfBirth', 'prs_Age', 'prs_Gender', 'prs_Citizenship',
  'prs_PassportNumber', 'prs_PhoneNumber', 'prs_Email', 'prs_Address', 'vic_CountryOfExploitation',
  'vic_DateExploitationBegan', 'vic_AgeAtExploitation', 'vic_MethodsOfControl', 'vic_TypeOfExploitation',
  'vic_ForcedLabourIndustry', 'vic_SexualExploitationType', 'vic_IsAbducted', 'vic_RecruiterRelationship',
  'cas_ReferralSource', 'cas_Notes',
];

function countryCode(rng: Rng, alpha2: string | null): string {
  if (alpha2 === null) return '';
  const r = rng.next();
  if (r < 0.86) return alpha3(alpha2);
  if (r < 0.96) return alpha2;
  return alpha3(alpha2).toLowerCase();
}

function multiSelect(rng: Rng, codes: string[]): string {
  return codes.join(rng.chance(0.7) ? ';' : '|');
}

function renderRow(f: CaseFacts, rng: Rng, rowIndex: number): string[] {
  const person = fakePerson(rng);
  const year = isoDate(f.registeredOn).slice(0, 4);
  const exploitedSince = f.registeredOn - f.yearsExploited * 365 - rng.int(0, 300);
  const control = f.meansOfControl.map((m) => CONTROL_CODES[m]);
  return [
    `${f.citizenship ?? 'XX'}-${year}-${String(rowIndex + 1).padStart(6, '0')}`,
    isoDate(f.registeredOn),
    rng.pick(['IOM Mission A', 'IOM Mission A', 'IOM Mission B', 'Partner NGO C']),
    `CW-${String(rng.int(1, 40)).padStart(3, '0')}`,
    rng.pick(['Open', 'Closed', 'Closed', 'Referred']),
    dirty(rng, person.firstName, 0.02, 0),
    dirty(rng, person.lastName, 0.05, 0.05),
    f.birthDay === null || rng.chance(0.2) ? '' : isoDate(f.birthDay),
    f.age === null ? '' : String(f.age),
    f.gender === null ? rng.pick(['', 'Unknown']) : dirty(rng, rng.pick(GENDER_CODES[f.gender]), 0.01, 0.02),
    countryCode(rng, f.citizenship),
    rng.chance(0.4) ? '' : fakePassportNumber(rng),
    rng.chance(0.3) ? '' : fakeInternationalPhone(rng),
    rng.chance(0.6) ? '' : fakeEmail(rng, person),
    rng.chance(0.3) ? '' : fakeEnglishAddress(rng),
    countryCode(rng, f.countryOfExploitation),
    rng.chance(0.25) ? '' : isoDate(exploitedSince),
    f.age === null ? '' : String(Math.max(0, f.age - f.yearsExploited)),
    control.length === 0 ? 'NotSpecified' : multiSelect(rng, control),
    multiSelect(rng, f.exploitations.map((e) => EXPLOITATION_CODES[e])),
    f.labourType === null ? '' : dirty(rng, ISIC_SECTIONS[f.labourType], 0.05),
    f.sexType ?? '',
    f.isAbduction === null ? rng.pick(['', 'Unknown']) : f.isAbduction ? 'Yes' : 'No',
    f.recruiterRelation === null ? '' : RELATION_CODES[f.recruiterRelation],
    rng.pick(['Self', 'Police', 'NGO', 'Hotline', 'Embassy']),
    rng.chance(0.4) ? '' : fakeEnglishNarrative(rng, person),
  ];
}

const flagsFrom = (prefix: string, column: string, codes: Record<string, string>): GroundTruthEntry[] =>
  Object.entries(codes).map(([flag, code]) => ({
    variable: `${prefix}${flag}`, sourceColumns: [column], transform: 'split_multi_value', sourceValue: code,
  }));

const groundTruth: GroundTruthEntry[] = [
  { variable: 'yearOfRegistration', sourceColumns: ['cas_DateOfRegistration'], transform: 'year_from_date' },
  { variable: 'Datasource', sourceColumns: [], transform: 'constant', sourceValue: 'Case Management' },
  {
    variable: 'gender', sourceColumns: ['prs_Gender'], transform: 'value_map',
    values: {
      Feminine: 'Female', Masculine: 'Male', TransgenderFeminine: 'Transgender/NonConforming',
      TransgenderMasculine: 'Transgender/NonConforming', NonBinary: 'Transgender/NonConforming',
    },
  },
  { variable: 'ageBroad', sourceColumns: ['prs_Age'], transform: 'age_band_from_age' },
  { variable: 'majorityStatus', sourceColumns: ['prs_Age'], transform: 'majority_from_age' },
  { variable: 'majorityStatusAtExploit', sourceColumns: ['vic_AgeAtExploitation'], transform: 'majority_from_age' },
  { variable: 'citizenship', sourceColumns: ['prs_Citizenship'], transform: 'country_code' },
  { variable: 'CountryOfExploitation', sourceColumns: ['vic_CountryOfExploitation'], transform: 'country_code' },
  ...flagsFrom('meansOfControl', 'vic_MethodsOfControl', { ...CONTROL_CODES, NotSpecified: 'NotSpecified' }),
  ...flagsFrom('is', 'vic_TypeOfExploitation', EXPLOITATION_CODES),
  ...flagsFrom('typeOfLabour', 'vic_ForcedLabourIndustry', {
    Agriculture: 'A', Construction: 'F', DomesticWork: 'T', Hospitality: 'I', Manufacturing: 'C',
    MiningOrDrilling: 'B', Peddling: 'G', Transportation: 'H', Other: 'S',
  }),
  ...flagsFrom('typeOfSex', 'vic_SexualExploitationType', {
    Prostitution: 'Prostitution', Pornography: 'Pornography',
    RemoteInteractiveServices: 'RemoteInteractiveServices', PrivateSexualServices: 'PrivateSexualServices',
  }),
  { variable: 'isAbduction', sourceColumns: ['vic_IsAbducted'], transform: 'binary' },
  ...flagsFrom('recruiterRelation', 'vic_RecruiterRelationship', RELATION_CODES),
];

export const htcdsProfile: PartnerProfile = {
  name: 'htcds',
  description: 'Case-management export aligned with IOM HTCDS: coded values, multi-select cells, ISO alpha-3',
  delimiter: ',',
  encoding: 'utf-8',
  bom: false,
  lineEnding: '\n',
  titleLines: [],
  columns: COLUMNS,
  identifiers: [
    { column: 'cas_CaseNumber', kind: 'case_number' },
    { column: 'cas_DateOfRegistration', kind: 'precise_date' },
    { column: 'prs_FirstName', kind: 'name' },
    { column: 'prs_LastName', kind: 'name' },
    { column: 'prs_DateOfBirth', kind: 'birth_date' },
    { column: 'prs_PassportNumber', kind: 'document_number' },
    { column: 'prs_PhoneNumber', kind: 'phone' },
    { column: 'prs_Email', kind: 'email' },
    { column: 'prs_Address', kind: 'address' },
    { column: 'vic_DateExploitationBegan', kind: 'precise_date' },
    { column: 'cas_Notes', kind: 'free_text' },
  ],
  groundTruth,
  renderRow,
};
