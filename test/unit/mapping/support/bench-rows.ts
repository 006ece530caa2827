/**
 * A synthetic hotline-like layout of 40 columns for timing the compiled mapping. Rows come out of
 * CSV text split per row, so cells are fresh strings as a parser would hand them over.
 */
import { mulberry32 } from '../../../../bench/support/seeded-random';
import type { MappingSpecInput } from '../../../../server/domain/mapping';

const FLAG_COLUMNS = Array.from({ length: 24 }, (_, i) => `flag_${i}`);
const FLAG_TARGETS = [
  'meansOfControlDebtBondage', 'meansOfControlTakesEarnings', 'meansOfControlRestrictsFinancialAccess', 'meansOfControlThreats',
  'meansOfControlPsychologicalAbuse', 'meansOfControlPhysicalAbuse', 'meansOfControlSexualAbuse', 'meansOfControlFalsePromises',
  'meansOfControlPsychoactiveSubstances', 'meansOfControlRestrictsMovement', 'meansOfControlRestrictsMedicalCare',
  'meansOfControlExcessiveWorkingHours', 'meansOfControlUsesChildren', 'meansOfControlThreatOfLawEnforcement',
  'meansOfControlWithholdsNecessities', 'meansOfControlWithholdsDocuments', 'meansOfControlOther', 'isForcedLabour',
  'isSexualExploit', 'isAbduction', 'recruiterRelationFamily', 'recruiterRelationFriend', 'recruiterRelationIntimatePartner',
  'recruiterRelationOther',
];

export const BENCH_HEADER = [
  'case_id', 'caller_name', 'phone', 'call_date', 'sex', 'age', 'nationality', 'country_exploited',
  'labour_sector', 'sex_type', 'situation', 'birth_date', 'operator', 'channel', 'language', 'region',
  ...FLAG_COLUMNS,
];

export const BENCH_SPEC: MappingSpecInput = {
  standardId: 'ctdc-k-v7',
  dropColumns: ['case_id', 'caller_name', 'phone', 'situation', 'birth_date'],
  rules: [
    { kind: 'year_from_date', target: 'yearOfRegistration', column: 'call_date' },
    { kind: 'constant', target: 'Datasource', value: 'Hotline' },
    { kind: 'copy', target: 'gender', column: 'sex', valueMap: { F: 'Female', M: 'Male', T: 'Transgender/NonConforming' } },
    { kind: 'age_band_from_age', target: 'ageBroad', column: 'age' },
    { kind: 'country', target: 'citizenship', column: 'nationality' },
    { kind: 'country', target: 'CountryOfExploitation', column: 'country_exploited' },
    {
      kind: 'flags_from_multi_value',
      column: 'labour_sector',
      targets: ['typeOfLabourAgriculture', 'typeOfLabourConstruction', 'typeOfLabourDomesticWork', 'typeOfLabourHospitality'],
      valueMap: { A: ['typeOfLabourAgriculture'], F: ['typeOfLabourConstruction'], T: ['typeOfLabourDomesticWork'], I: ['typeOfLabourHospitality'] },
    },
    {
      kind: 'flags_from_multi_value',
      column: 'sex_type',
      targets: ['typeOfSexProstitution', 'typeOfSexPornography'],
      valueMap: { prostitution: ['typeOfSexProstitution'], porn: ['typeOfSexPornography'] },
    },
    ...FLAG_COLUMNS.map((column, i) => ({ kind: 'binary' as const, target: FLAG_TARGETS[i], column })),
  ],
};

const pick = <T>(xs: readonly T[], r: number): T => xs[Math.floor(r * xs.length)];

/** `count` CSV lines (no quoting needed: no cell holds a comma). */
export function benchLines(count: number, seed = 7): string[] {
  const r = mulberry32(seed);
  const countries = ['Philippines', 'PH', 'Moldova', 'MD', 'USA', 'Viet Nam', 'Ukraine', 'NA', 'Nigeria', '-99', 'Cambodia', ''];
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const cells = [
      `C${i}`, `Name ${i}`, `+1555${(i % 10_000_000).toString().padStart(7, '0')}`,
      `${String(1 + Math.floor(r() * 28)).padStart(2, '0')}/${String(1 + Math.floor(r() * 12)).padStart(2, '0')}/${2010 + Math.floor(r() * 14)}`,
      pick(['F', 'M', 'F', 'T', '', 'X'], r()),
      pick(['17', '23', '34 ans', '9', '41', '', '-99', '18', '56', '27'], r()),
      pick(countries, r()),
      pick(countries, r()),
      pick(['A', 'F', 'T;I', '', 'A|F', 'Q'], r()),
      pick(['prostitution', '', 'porn', 'prostitution;porn'], r()),
      `narrative ${i}`,
      `19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`,
      'op', 'phone', 'en', 'north',
      ...FLAG_COLUMNS.map(() => pick(['Y', 'N', 'N', 'N', '', 'yes', 'no'], r())),
    ];
    lines.push(cells.join(','));
  }
  return lines;
}
