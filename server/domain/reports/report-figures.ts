import { countryName } from '../countries';
import { compareLabels, type StandardDefinition, type StandardVariable } from '../standard';
import type { MicrodataTally } from './microdata-tally';
import { protectEach, protectPartition, type FigureItem } from './small-cells';

export const CORRIDOR: readonly [string, string] = ['citizenship', 'CountryOfExploitation'];
const NO_INFORMATION = 'No information';

export interface CompletenessRow {
  variable: string;
  label: string;
  /** Share of records with a value; null when a small cell would be revealed. */
  share: number | null;
  note: string;
}

export interface ReportFigures {
  total: number;
  k: number;
  byYear: FigureItem[];
  byGender: FigureItem[];
  byAge: FigureItem[];
  exploitationTypes: FigureItem[];
  meansOfControl: FigureItem[];
  recruiterRelation: FigureItem[];
  citizenships: FigureItem[];
  countriesOfExploitation: FigureItem[];
  corridors: FigureItem[];
  completeness: CompletenessRow[];
}

const displayCountry = (value: string): string => (value.length === 2 ? `${countryName(value) ?? value} (${value})` : value);

function entriesOf(tally: MicrodataTally, v: StandardVariable, display: (value: string) => string = (x) => x) {
  const counts = tally.valueCounts(v.name);
  const declared = v.kind === 'code' ? v.values.map((c) => c.code) : [];
  const rest = [...counts.keys()].filter((x) => x !== '' && !declared.includes(x)).sort(compareLabels);
  const entries = [...declared, ...rest].map((value) => ({ label: display(value), count: counts.get(value) ?? 0 }));
  entries.push({ label: NO_INFORMATION, count: counts.get('') ?? 0 });
  return entries;
}

const flagsOf = (standard: StandardDefinition, group: string) =>
  standard.variables.filter((v) => v.group === group && v.kind === 'binary' && v.name !== 'isAbduction');

/**
 * Every figure of the statistical report, from the published microdata's tally, already under the
 * small-cell rule: nothing here holds a count between 1 and k − 1.
 */
export function buildReportFigures(standard: StandardDefinition, tally: MicrodataTally, k: number): ReportFigures {
  const total = tally.rows;
  const variable = (name: string) => standard.variables.find((v) => v.name === name)!;
  const partition = (name: string, opts: { limit?: number; keepOrder?: boolean; display?: (v: string) => string } = {}) =>
    protectPartition(entriesOf(tally, variable(name), opts.display), { k, base: total, limit: opts.limit, keepOrder: opts.keepOrder });
  const flags = (group: string) =>
    protectEach(flagsOf(standard, group).map((v) => ({ label: v.label, count: tally.count(v.name, '1') })), { k, base: total });
  const top = (name: string) => partition(name, { limit: 10, display: displayCountry });
  const corridors = tally.pairValues(CORRIDOR[0], CORRIDOR[1])
    .filter((p) => p.first !== '' && p.second !== '' && p.count >= k)
    .sort((a, b) => b.count - a.count || compareLabels(a.first + a.second, b.first + b.second))
    .slice(0, 10)
    .map((p) => ({ label: `${displayCountry(p.first)} -> ${displayCountry(p.second)}`, count: p.count, share: total ? p.count / total : 0 }));
  const completeness = standard.variables.map((v): CompletenessRow => {
    const missing = tally.missing(v.name);
    const present = total - missing;
    if (missing > 0 && missing < k) return { variable: v.name, label: v.label, share: null, note: `all but <${k} records` };
    if (present > 0 && present < k) return { variable: v.name, label: v.label, share: null, note: `<${k} records` };
    return { variable: v.name, label: v.label, share: total ? present / total : 0, note: '' };
  });
  return {
    total,
    k,
    byYear: partition('yearOfRegistration', { keepOrder: true }),
    byGender: partition('gender', { keepOrder: true }),
    byAge: partition('ageBroad', { keepOrder: true }),
    exploitationTypes: flags('exploitType'),
    meansOfControl: flags('meansOfControl'),
    recruiterRelation: flags('recruiter'),
    citizenships: top('citizenship'),
    countriesOfExploitation: top('CountryOfExploitation'),
    corridors,
    completeness,
  };
}
