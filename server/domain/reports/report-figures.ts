import type { Hierarchy } from '../anonymization/hierarchy';
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
  byDataSource: FigureItem[];
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

const ANY = 'Any value (*)';
const plain = (value: string): string => (value === '*' ? ANY : value);
const displayCountry = (value: string): string => (value.length === 2 ? `${countryName(value) ?? value} (${value})` : plain(value));

/** Position of each label in a hierarchy (first row it appears on), so bands and regions keep their natural order. */
function hierarchyOrder(h: Hierarchy | undefined): Map<string, number> {
  const order = new Map<string, number>();
  h?.rows.forEach((row, r) => row.forEach((label) => { if (!order.has(label)) order.set(label, r); }));
  return order;
}

function entriesOf(tally: MicrodataTally, v: StandardVariable, hierarchy: Hierarchy | undefined, display: (value: string) => string = plain) {
  const counts = tally.valueCounts(v.name);
  const declared = v.kind === 'code' ? v.values.map((c) => c.code) : [];
  const order = hierarchyOrder(hierarchy);
  const rank = (x: string) => order.get(x) ?? (declared.includes(x) ? declared.indexOf(x) : Number.MAX_SAFE_INTEGER);
  const values = [...new Set([...declared, ...counts.keys()])].filter((x) => x !== '')
    .sort((a, b) => rank(a) - rank(b) || compareLabels(a, b));
  const entries = values.map((value) => ({ label: display(value), count: counts.get(value) ?? 0 }));
  entries.push({ label: NO_INFORMATION, count: counts.get('') ?? 0 });
  return entries;
}

const flagsOf = (standard: StandardDefinition, group: string) =>
  standard.variables.filter((v) => v.group === group && v.kind === 'binary' && v.name !== 'isAbduction');

/**
 * Every figure of the statistical report, from the published microdata's tally, already under the
 * small-cell rule: nothing here holds a count between 1 and k − 1.
 */
export function buildReportFigures(standard: StandardDefinition, tally: MicrodataTally, k: number, hierarchies: Readonly<Record<string, Hierarchy>> = {}): ReportFigures {
  const total = tally.rows;
  const variable = (name: string) => standard.variables.find((v) => v.name === name)!;
  const partition = (name: string, opts: { limit?: number; keepOrder?: boolean; display?: (v: string) => string } = {}) =>
    protectPartition(entriesOf(tally, variable(name), hierarchies[name], opts.display), { k, base: total, limit: opts.limit, keepOrder: opts.keepOrder });
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
    byDataSource: partition('Datasource', { keepOrder: true }),
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
