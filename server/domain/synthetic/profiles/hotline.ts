import { frenchDate, isoDate } from '../calendar';
import { alpha3 } from '../countries';
import { type YesNoStyle, dirty, dirtyCountryCode, yesNo } from '../dirt';
import {
  fakeEmail, fakeEnglishAddress, fakeEnglishNarrative, fakeInternationalPhone, fakePerson,
} from '../fake-identity';
import type { CaseFacts, Exploitation, LabourType, MeanOfControl, RecruiterRelation, SexType } from '../case-facts';
import type { Rng } from '../prng';
import type { GroundTruthEntry, PartnerProfile } from '../types';
import { CITIES_EN } from '../word-lists';

/** A national hotline's call log: one row per call, about 40 columns, UTF-8, comma-separated. */
const CONTROL_COLUMNS: [string, MeanOfControl, YesNoStyle][] = [
  ['debt_bondage', 'DebtBondage', 'Y/N'],
  ['takes_earnings', 'TakesEarnings', 'Y/N'],
  ['threats', 'Threats', 'yes/no'],
  ['psychological_abuse', 'PsychologicalAbuse', 'yes/no'],
  ['physical_abuse', 'PhysicalAbuse', 'TRUE/FALSE'],
  ['sexual_abuse', 'SexualAbuse', 'TRUE/FALSE'],
  ['false_promises', 'FalsePromises', 'yes/no'],
  ['restricted_movement', 'RestrictsMovement', 'Y/N'],
  ['documents_withheld', 'WithholdsDocuments', 'TRUE/FALSE'],
  ['excessive_hours', 'ExcessiveWorkingHours', 'yes/no'],
  ['drugs_alcohol_used', 'PsychoactiveSubstances', 'Y/N'],
];
const EXPLOIT_COLUMNS: [string, Exploitation[], YesNoStyle][] = [
  ['exploitation_sexual', ['SexualExploit'], 'Y/N'],
  ['exploitation_labour', ['ForcedLabour'], 'Y/N'],
  ['forced_marriage', ['ForcedMarriage'], 'yes/no'],
  ['other_exploitation', ['OtherExploit', 'SlaveryAndPractices', 'ForcedMilitary', 'OrganRemoval'], 'yes/no'],
];
const LABOUR_SECTORS: Record<LabourType, string> = {
  Agriculture: 'Agriculture', Aquafarming: 'Fishing', Begging: 'Begging', Construction: 'Construction',
  DomesticWork: 'Domestic work', Hospitality: 'Hospitality', IllicitActivities: 'Illicit activities',
  Manufacturing: 'Manufacturing', MiningOrDrilling: 'Mining', Peddling: 'Street vending',
  Transportation: 'Transport', Other: 'Other',
};
const SEX_INDUSTRIES: Record<SexType, string> = {
  Prostitution: 'Prostitution', Pornography: 'Pornography', RemoteInteractiveServices: 'Webcam',
  PrivateSexualServices: 'Private',
};
const RELATIONS: Record<RecruiterRelation, string> = {
  IntimatePartner: 'Partner', Friend: 'Friend', Family: 'Family member', Other: 'Stranger', Unknown: 'Unknown',
};
const GENDERS = { Female: ['F', 'Female', 'female'], Male: ['M', 'Male', 'male'], 'Transgender/NonConforming': ['Trans', 'T'] };

const COLUMNS = [
  'call_id', 'date_first_contact', 'call_time', 'hotline_operator', 'caller_type', 'caller_phone',
  'contact_email', 'victim_name', 'victim_gender', 'victim_age', 'victim_dob', 'nationality',
  'country_identified', 'city_of_call', 'victim_address', 'language_of_call', 'situation',
  ...EXPLOIT_COLUMNS.map(([c]) => c), 'labour_sector', 'sex_industry',
  ...CONTROL_COLUMNS.map(([c]) => c), 'recruiter_relationship', 'abducted', 'referred_to',
  'police_informed', 'follow_up_required', 'call_duration_min', 'interpreter_used',
];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function renderRow(f: CaseFacts, rng: Rng, rowIndex: number): string[] {
  const person = fakePerson(rng);
  const year = isoDate(f.registeredOn).slice(0, 4);
  const givesBirthDate = f.birthDay !== null && rng.chance(0.3);
  const gender = f.gender === null ? '' : rng.pick(GENDERS[f.gender]);
  return [
    `HL-${year}-${pad(rowIndex + 1, 7)}`,
    rng.chance(0.05) ? frenchDate(f.registeredOn) : isoDate(f.registeredOn),
    `${pad(rng.int(0, 23), 2)}:${pad(rng.int(0, 59), 2)}`,
    `OP${pad(rng.int(1, 25), 2)}`,
    rng.pick(['Victim', 'Victim', 'Family member', 'Friend', 'NGO worker', 'Police', 'Anonymous']),
    rng.chance(0.1) ? '' : fakeInternationalPhone(rng),
    rng.chance(0.7) ? '' : fakeEmail(rng, person),
    rng.chance(0.15) ? '' : `${person.firstName} ${person.lastName}`,
    dirty(rng, gender),
    f.age === null || givesBirthDate ? '' : String(f.age),
    givesBirthDate && f.birthDay !== null ? isoDate(f.birthDay) : '',
    f.citizenship === null ? '' : dirtyCountryCode(rng, f.citizenship, alpha3),
    f.countryOfExploitation === null ? '' : dirtyCountryCode(rng, f.countryOfExploitation, alpha3),
    rng.pick(CITIES_EN),
    rng.chance(0.6) ? '' : fakeEnglishAddress(rng),
    rng.pick(['English', 'English', 'Spanish', 'French', 'Russian', 'Tagalog', 'Ukrainian']),
    fakeEnglishNarrative(rng, person),
    ...EXPLOIT_COLUMNS.map(([, kinds, style]) => yesNo(rng, kinds.some((k) => f.exploitations.includes(k)), style)),
    f.labourType === null ? '' : LABOUR_SECTORS[f.labourType],
    f.sexType === null ? '' : SEX_INDUSTRIES[f.sexType],
    ...CONTROL_COLUMNS.map(([, mean, style]) => yesNo(rng, f.meansOfControl.includes(mean), style, 0.12)),
    f.recruiterRelation === null ? '' : dirty(rng, RELATIONS[f.recruiterRelation]),
    yesNo(rng, f.isAbduction, 'Y/N'),
    rng.pick(['Shelter', 'Police', 'Legal aid', 'Medical', 'None']),
    yesNo(rng, rng.chance(0.3), 'yes/no'),
    yesNo(rng, rng.chance(0.5), 'TRUE/FALSE'),
    String(rng.int(2, 75)),
    yesNo(rng, rng.chance(0.2), 'Y/N'),
  ];
}

const groundTruth: GroundTruthEntry[] = [
  { variable: 'yearOfRegistration', sourceColumns: ['date_first_contact'], transform: 'year_from_date' },
  { variable: 'Datasource', sourceColumns: [], transform: 'constant', sourceValue: 'Hotline' },
  {
    variable: 'gender', sourceColumns: ['victim_gender'], transform: 'value_map',
    values: { F: 'Female', Female: 'Female', M: 'Male', Male: 'Male', Trans: 'Transgender/NonConforming', T: 'Transgender/NonConforming' },
  },
  { variable: 'ageBroad', sourceColumns: ['victim_age'], transform: 'age_band_from_age' },
  { variable: 'ageBroad', sourceColumns: ['victim_dob', 'date_first_contact'], transform: 'age_band_from_birth_date' },
  { variable: 'majorityStatus', sourceColumns: ['victim_age'], transform: 'majority_from_age' },
  { variable: 'citizenship', sourceColumns: ['nationality'], transform: 'country_code' },
  { variable: 'CountryOfExploitation', sourceColumns: ['country_identified'], transform: 'country_code' },
  { variable: 'isSexualExploit', sourceColumns: ['exploitation_sexual'], transform: 'binary' },
  { variable: 'isForcedLabour', sourceColumns: ['exploitation_labour'], transform: 'binary' },
  { variable: 'isForcedMarriage', sourceColumns: ['forced_marriage'], transform: 'binary' },
  { variable: 'isOtherExploit', sourceColumns: ['other_exploitation'], transform: 'binary' },
  ...Object.entries(LABOUR_SECTORS).map(([flag, code]): GroundTruthEntry => ({
    variable: `typeOfLabour${flag}`, sourceColumns: ['labour_sector'], transform: 'split_multi_value', sourceValue: code,
  })),
  ...Object.entries(SEX_INDUSTRIES).map(([flag, code]): GroundTruthEntry => ({
    variable: `typeOfSex${flag}`, sourceColumns: ['sex_industry'], transform: 'split_multi_value', sourceValue: code,
  })),
  ...CONTROL_COLUMNS.map(([column, mean]): GroundTruthEntry => ({
    variable: `meansOfControl${mean}`, sourceColumns: [column], transform: 'binary',
  })),
  ...Object.entries(RELATIONS).map(([flag, code]): GroundTruthEntry => ({
    variable: `recruiterRelation${flag}`, sourceColumns: ['recruiter_relationship'], transform: 'split_multi_value', sourceValue: code,
  })),
  { variable: 'isAbduction', sourceColumns: ['abducted'], transform: 'binary' },
];

export const hotlineProfile: PartnerProfile = {
  name: 'hotline',
  description: 'National hotline call log: one row per call, UTF-8, comma-separated',
  delimiter: ',',
  encoding: 'utf-8',
  bom: false,
  lineEnding: '\n',
  titleLines: [],
  columns: COLUMNS,
  identifiers: [
    { column: 'call_id', kind: 'case_number' },
    { column: 'date_first_contact', kind: 'precise_date' },
    { column: 'caller_phone', kind: 'phone' },
    { column: 'contact_email', kind: 'email' },
    { column: 'victim_name', kind: 'name' },
    { column: 'victim_dob', kind: 'birth_date' },
    { column: 'victim_address', kind: 'address' },
    { column: 'situation', kind: 'free_text' },
  ],
  groundTruth,
  renderRow,
};
