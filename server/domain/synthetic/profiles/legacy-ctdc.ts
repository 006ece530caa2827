import { civilFromDays } from '../calendar';
import {
  type CaseFacts, EXPLOITATIONS, LABOUR_TYPES, MEANS_OF_CONTROL, RECRUITER_RELATIONS, SEX_TYPES,
} from '../case-facts';
import { fakePerson } from '../fake-identity';
import type { Rng } from '../prng';
import type { GroundTruthEntry, PartnerProfile } from '../types';

/**
 * An older CTDC-style file: the standard's own layout as it used to be published, with `-99` for
 * missing, `00`/`ZZ` for unknown countries, age bands with em-dashes or zero padding, a typo'd
 * column name, and a name column someone added.
 */
const MISSING = '-99';
const CONTROL_FLAGS = [...MEANS_OF_CONTROL, 'NotSpecified'] as const;
const EXPLOIT_FLAGS = [...EXPLOITATIONS.slice(0, 3), 'SexAndLabour', ...EXPLOITATIONS.slice(3)] as const;
const LABOUR_FLAGS = [...LABOUR_TYPES, 'NotSpecified'] as const;

const COLUMNS = [
  'name', 'yearOfRegistration', 'Datasource', 'gender', 'ageBroad', 'majorityStatus',
  'majorityStatusAtExploit', 'majorityEntry', 'citizenship',
  ...CONTROL_FLAGS.map((f) => `meansOfControl${f}`), 'meansOfControlConcatenated',
  ...EXPLOIT_FLAGS.map((f) => `is${f}`), 'typeOfExploitConcatenated',
  ...LABOUR_FLAGS.map((f) => `typeOfLabour${f}`), 'typeOfLabourConcatenated',
  ...SEX_TYPES.map((f) => `typeOfSex${f}`), 'typeOfSexConcatenated',
  'isAbduction', 'RecruiterRelationship', 'CountryofExploitation',
  ...RECRUITER_RELATIONS.map((f) => `recruiterRelation${f}`),
];

const BANDS: [number, string][] = [
  [8, '0--8'], [17, '9--17'], [20, '18--20'], [23, '21--23'], [26, '24--26'], [29, '27--29'],
  [38, '30--38'], [47, '39--47'],
];

function ageBand(rng: Rng, age: number | null): string {
  if (age === null) return MISSING;
  const band = BANDS.find(([max]) => age <= max)?.[1] ?? '48+';
  const r = rng.next();
  if (r < 0.6 || band === '48+') return band;
  if (r < 0.8) return band.replace('--', '\u2014');
  return band.replace(/^(\d)--/, '0$1--');
}

const label = (flag: string): string => {
  const words = flag.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words[0].toUpperCase() + words.slice(1);
};

function flags(rng: Rng, all: readonly string[], set: readonly string[], known: boolean): string[] {
  return all.map((f) => (!known || rng.chance(0.02) ? MISSING : set.includes(f) ? '1' : '0'));
}

const concatenated = (set: readonly string[]): string => [...set].map(label).sort().join(';');

function country(rng: Rng, alpha2: string | null): string {
  if (alpha2 === null) return rng.pick(['00', 'ZZ', MISSING]);
  return alpha2;
}

function majority(age: number | null): string {
  if (age === null) return MISSING;
  return age < 18 ? 'Minor' : 'Adult';
}

function renderRow(f: CaseFacts, rng: Rng): string[] {
  const person = fakePerson(rng);
  const control = f.meansOfControl.length ? [...f.meansOfControl] : ['NotSpecified'];
  const exploits: string[] = [...f.exploitations];
  if (exploits.includes('ForcedLabour') && exploits.includes('SexualExploit')) exploits.push('SexAndLabour');
  const labour = f.labourType ? [f.labourType] : exploits.includes('ForcedLabour') ? ['NotSpecified'] : [];
  const sex = f.sexType ? [f.sexType] : [];
  const relation = f.recruiterRelation ? [f.recruiterRelation] : [];
  const ageAtExploit = f.age === null ? null : f.age - f.yearsExploited;
  return [
    rng.chance(0.1) ? MISSING : `${person.firstName} ${person.lastName}`,
    String(civilFromDays(f.registeredOn).y),
    rng.chance(0.7) ? 'Case Management' : 'Hotline',
    f.gender ?? MISSING,
    ageBand(rng, f.age),
    majority(f.age),
    majority(ageAtExploit),
    rng.chance(0.6) ? MISSING : majority(ageAtExploit),
    country(rng, f.citizenship),
    ...flags(rng, CONTROL_FLAGS, control, rng.chance(0.9)), concatenated(control),
    ...flags(rng, EXPLOIT_FLAGS, exploits, true), concatenated(exploits),
    ...flags(rng, LABOUR_FLAGS, labour, labour.length > 0), concatenated(labour),
    ...flags(rng, SEX_TYPES, sex, sex.length > 0), concatenated(sex),
    f.isAbduction === null ? MISSING : f.isAbduction ? '1' : '0',
    concatenated(relation),
    country(rng, f.countryOfExploitation),
    ...flags(rng, RECRUITER_RELATIONS, relation, relation.length > 0),
  ];
}

const copied = (variables: string[]): GroundTruthEntry[] =>
  variables.map((variable) => ({ variable, sourceColumns: [variable], transform: 'binary' }));

const groundTruth: GroundTruthEntry[] = [
  { variable: 'yearOfRegistration', sourceColumns: ['yearOfRegistration'], transform: 'copy' },
  { variable: 'Datasource', sourceColumns: ['Datasource'], transform: 'copy' },
  { variable: 'gender', sourceColumns: ['gender'], transform: 'copy' },
  {
    variable: 'ageBroad', sourceColumns: ['ageBroad'], transform: 'value_map',
    values: Object.fromEntries(BANDS.flatMap(([, b]) => [[b, b], [b.replace('--', '\u2014'), b], [b.replace(/^(\d)--/, '0$1--'), b]])),
  },
  { variable: 'majorityStatus', sourceColumns: ['majorityStatus'], transform: 'copy' },
  { variable: 'majorityStatusAtExploit', sourceColumns: ['majorityStatusAtExploit'], transform: 'copy' },
  { variable: 'majorityEntry', sourceColumns: ['majorityEntry'], transform: 'copy' },
  { variable: 'citizenship', sourceColumns: ['citizenship'], transform: 'country_code' },
  ...copied(CONTROL_FLAGS.map((f) => `meansOfControl${f}`)),
  ...copied(EXPLOIT_FLAGS.map((f) => `is${f}`)),
  ...copied(LABOUR_FLAGS.map((f) => `typeOfLabour${f}`)),
  ...copied(SEX_TYPES.map((f) => `typeOfSex${f}`)),
  ...copied(['isAbduction']),
  { variable: 'CountryOfExploitation', sourceColumns: ['CountryofExploitation'], transform: 'country_code' },
  ...copied(RECRUITER_RELATIONS.map((f) => `recruiterRelation${f}`)),
];

export const legacyCtdcProfile: PartnerProfile = {
  name: 'legacy_ctdc',
  description: "Older CTDC-style file: -99 for missing, 00/ZZ countries, em-dash age bands, a typo'd column",
  delimiter: ';',
  encoding: 'utf-8',
  bom: true,
  lineEnding: '\r\n',
  titleLines: [],
  columns: COLUMNS,
  identifiers: [{ column: 'name', kind: 'name' }],
  groundTruth,
  renderRow,
};
