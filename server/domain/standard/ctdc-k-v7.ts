import { code, codes, concatenation, flagGroup, flag, toDbColumn } from './define';
import type { AgeBand, StandardDefinition } from './types';

/** CTDC's k-anonymized Global Dataset layout, codebook version 7 (see shared/spec/standard.md). */

const AGE_BANDS: AgeBand[] = [
  { code: '0--8', min: 0, max: 8 },
  { code: '9--17', min: 9, max: 17 },
  { code: '18--20', min: 18, max: 20 },
  { code: '21--23', min: 21, max: 23 },
  { code: '24--26', min: 24, max: 26 },
  { code: '27--29', min: 27, max: 29 },
  { code: '30--38', min: 30, max: 38 },
  { code: '39--47', min: 39, max: 47 },
  { code: '48+', min: 48, max: null },
];

const MAJORITY = codes('Minor', 'Adult', 'Unknown');

const meansOfControl = flagGroup('meansOfControl', 'meansOfControl', [
  ['DebtBondage', 'Debt bondage'],
  ['TakesEarnings', 'Takes earnings'],
  ['RestrictsFinancialAccess', 'Restricts financial access'],
  ['Threats', 'Threats'],
  ['PsychologicalAbuse', 'Psychological abuse'],
  ['PhysicalAbuse', 'Physical abuse'],
  ['SexualAbuse', 'Sexual abuse'],
  ['FalsePromises', 'False promises'],
  ['PsychoactiveSubstances', 'Psychoactive substances'],
  ['RestrictsMovement', 'Restricts movement'],
  ['RestrictsMedicalCare', 'Restricts medical care'],
  ['ExcessiveWorkingHours', 'Excessive working hours'],
  ['UsesChildren', 'Uses children'],
  ['ThreatOfLawEnforcement', 'Threat of law enforcement'],
  ['WithholdsNecessities', 'Withholds necessities'],
  ['WithholdsDocuments', 'Withholds documents'],
  ['Other', 'Other'],
  ['NotSpecified', 'Not specified'],
]);

const exploitType = flagGroup('is', 'exploitType', [
  ['ForcedLabour', 'Forced labour'],
  ['SexualExploit', 'Sexual exploitation'],
  ['OtherExploit', 'Other exploitation'],
  ['SexAndLabour', 'Sex and labour'],
  ['ForcedMarriage', 'Forced marriage'],
  ['ForcedMilitary', 'Forced military'],
  ['OrganRemoval', 'Organ removal'],
  ['SlaveryAndPractices', 'Slavery and similar practices'],
]);

const typeOfLabour = flagGroup('typeOfLabour', 'typeOfLabour', [
  ['Agriculture', 'Agriculture'],
  ['Aquafarming', 'Aquafarming'],
  ['Begging', 'Begging'],
  ['Construction', 'Construction'],
  ['DomesticWork', 'Domestic work'],
  ['Hospitality', 'Hospitality'],
  ['IllicitActivities', 'Illicit activities'],
  ['Manufacturing', 'Manufacturing'],
  ['MiningOrDrilling', 'Mining or drilling'],
  ['Peddling', 'Peddling'],
  ['Transportation', 'Transportation'],
  ['Other', 'Other'],
  ['NotSpecified', 'Not specified'],
]);

const typeOfSex = flagGroup('typeOfSex', 'typeOfSex', [
  ['Prostitution', 'Prostitution'],
  ['Pornography', 'Pornography'],
  ['RemoteInteractiveServices', 'Remote interactive services'],
  ['PrivateSexualServices', 'Private sexual services'],
]);

const recruiterRelation = flagGroup('recruiterRelation', 'recruiter', [
  ['IntimatePartner', 'Intimate partner'],
  ['Friend', 'Friend'],
  ['Family', 'Family'],
  ['Other', 'Other'],
  ['Unknown', 'Unknown'],
]);

const others = (flags: typeof meansOfControl, except: string) =>
  flags.filter((f) => f.name !== except).map((f) => f.name);

export const CTDC_K_V7: StandardDefinition = {
  id: 'ctdc-k-v7',
  versionLabel: 'CTDC k-anonymized Global Dataset, codebook v7',
  title: 'Counter-Trafficking Data Collaborative global victim dataset',
  variables: [
    {
      name: 'yearOfRegistration',
      label: 'Year of registration',
      group: 'registration',
      kind: 'year',
      dbColumn: toDbColumn('yearOfRegistration'),
      quasiIdentifier: true,
      minYear: 1990,
      maxYear: 2100,
    },
    code('Datasource', 'Data source', 'registration', codes('Case Management', 'Hotline'), true),
    code('gender', 'Gender', 'demographics', codes('Female', 'Male', 'Transgender/NonConforming'), true),
    code('ageBroad', 'Age at registration (band)', 'demographics', codes(...AGE_BANDS.map((b) => b.code)), true, AGE_BANDS),
    code('majorityStatus', 'Majority status at registration', 'demographics', MAJORITY, true),
    code('majorityStatusAtExploit', 'Majority status when exploitation began', 'demographics', MAJORITY, false),
    code('majorityEntry', 'Majority status when entering the trafficking process', 'demographics', MAJORITY, false),
    { name: 'citizenship', label: 'Citizenship', group: 'demographics', kind: 'country', dbColumn: 'citizenship', quasiIdentifier: true },
    ...meansOfControl,
    concatenation('meansOfControlConcatenated', 'Means of control', 'meansOfControl', meansOfControl),
    ...exploitType,
    concatenation('typeOfExploitConcatenated', 'Type of exploitation', 'exploitType', exploitType),
    ...typeOfLabour,
    concatenation('typeOfLabourConcatenated', 'Type of labour', 'typeOfLabour', typeOfLabour),
    ...typeOfSex,
    concatenation('typeOfSexConcatenated', 'Type of sexual exploitation', 'typeOfSex', typeOfSex),
    flag('isAbduction', 'Abduction', 'recruiter'),
    concatenation('RecruiterRelationship', 'Relationship to recruiter', 'recruiter', recruiterRelation),
    {
      name: 'CountryOfExploitation',
      label: 'Country of exploitation',
      group: 'exploitation-place',
      kind: 'country',
      dbColumn: toDbColumn('CountryOfExploitation'),
      quasiIdentifier: true,
    },
    ...recruiterRelation,
  ],
  consistencyRules: [
    {
      type: 'majority_from_age_band',
      ageBand: 'ageBroad',
      status: 'majorityStatus',
      minorBands: ['0--8', '9--17'],
      minorCode: 'Minor',
      adultCode: 'Adult',
      unknownCode: 'Unknown',
    },
    { type: 'conjunction', target: 'isSexAndLabour', of: ['isForcedLabour', 'isSexualExploit'] },
    { type: 'not_specified_exclusive', flag: 'meansOfControlNotSpecified', others: others(meansOfControl, 'meansOfControlNotSpecified') },
    { type: 'not_specified_exclusive', flag: 'typeOfLabourNotSpecified', others: others(typeOfLabour, 'typeOfLabourNotSpecified') },
  ],
};
