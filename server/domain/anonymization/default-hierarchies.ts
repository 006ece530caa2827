import { Hierarchy, MISSING_VALUE, SUPPRESSED_LABEL } from './hierarchy';
import { m49RegionsByAlpha2 } from './m49-regions';

const missingRow = (height: number): string[] => [...Array<string>(height).fill(MISSING_VALUE), SUPPRESSED_LABEL];

/** value → `*`, plus the empty value. */
export function buildFlatHierarchy(values: readonly string[]): Hierarchy {
  return { rows: [...values.map((value) => [value, SUPPRESSED_LABEL]), missingRow(1)] };
}

export const GENDER_VALUES = ['Female', 'Male', 'Transgender/NonConforming'] as const;
export const MAJORITY_STATUS_VALUES = ['Minor', 'Adult', 'Unknown'] as const;
export const DATASOURCE_VALUES = ['Case Management', 'Hotline'] as const;

export interface YearRange {
  from: number;
  to: number;
  /**
   * First year of a 4-year band. Fixed (CTDC's first year, 2002) rather than taken from the data so
   * that band labels stay the same from one release to the next. Must be even so 2-year bands nest.
   */
  anchor?: number;
}

/** year → 2-year band (`2002-2003`) → 4-year band (`2002-2005`) → `*`. */
export function buildYearHierarchy({ from, to, anchor = 2002 }: YearRange): Hierarchy {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) {
    throw new RangeError(`invalid year range ${from}-${to}`);
  }
  if (anchor % 2 !== 0) throw new RangeError(`the 4-year band anchor must be even, got ${anchor}`);
  const band = (start: number, width: number): string => `${start}-${start + width - 1}`;
  const rows: string[][] = [];
  for (let year = from; year <= to; year++) {
    const two = year - (((year % 2) + 2) % 2);
    const four = anchor + 4 * Math.floor((year - anchor) / 4);
    rows.push([String(year), band(two, 2), band(four, 4), SUPPRESSED_LABEL]);
  }
  rows.push(missingRow(3));
  return { rows };
}

export const AGE_BANDS = ['0--8', '9--17', '18--20', '21--23', '24--26', '27--29', '30--38', '39--47', '48+'] as const;

const AGE_GROUPS: Readonly<Record<(typeof AGE_BANDS)[number], string>> = {
  '0--8': '0--17',
  '9--17': '0--17',
  '18--20': '18--29',
  '21--23': '18--29',
  '24--26': '18--29',
  '27--29': '18--29',
  '30--38': '30--47',
  '39--47': '30--47',
  '48+': '48+',
};

/** band → {`0--17`,`18--29`,`30--47`,`48+`} → {`Minor`,`Adult`} → `*`. */
export function buildAgeHierarchy(): Hierarchy {
  const rows = AGE_BANDS.map((band) => {
    const group = AGE_GROUPS[band];
    return [band, group, group === '0--17' ? 'Minor' : 'Adult', SUPPRESSED_LABEL];
  });
  return { rows: [...rows, missingRow(3)] };
}

/** ISO alpha-2 → UN M49 sub-region → UN M49 region → `*`, for every ISO code (Namibia is `NA`). */
export function buildCountryHierarchy(): Hierarchy {
  const rows: string[][] = [];
  for (const [alpha2, { subRegion, region }] of m49RegionsByAlpha2()) {
    rows.push([alpha2, subRegion, region, SUPPRESSED_LABEL]);
  }
  rows.push(missingRow(3));
  return { rows };
}

export const DEFAULT_QIS = [
  'yearOfRegistration',
  'gender',
  'ageBroad',
  'majorityStatus',
  'citizenship',
  'CountryOfExploitation',
  'Datasource',
] as const;

/** The privacy.md defaults for the 7 default QIs; years cover the data's range. */
export function buildDefaultHierarchies(years: YearRange): Record<(typeof DEFAULT_QIS)[number], Hierarchy> {
  const country = buildCountryHierarchy();
  return {
    yearOfRegistration: buildYearHierarchy(years),
    gender: buildFlatHierarchy(GENDER_VALUES),
    ageBroad: buildAgeHierarchy(),
    majorityStatus: buildFlatHierarchy(MAJORITY_STATUS_VALUES),
    citizenship: country,
    CountryOfExploitation: country,
    Datasource: buildFlatHierarchy(DATASOURCE_VALUES),
  };
}
