import type { AnonymizationPolicy } from '../anonymization/policy';
import type { StandardDefinition } from '../standard';
import type { ReportPrivacy } from './statistical-report-pdf';

interface StoredMeasures {
  levels?: { qi: string; level: number; height: number }[];
  records?: { in: number; kept: number; suppressed: number; suppressedShare: number };
  classes?: { count: number; smallest: number | null };
  risk?: { highest: number; average: number };
  informationLoss?: { total: number };
}

/** A generalized label of the QI's hierarchy at that level, as an example for readers. */
function exampleAt(policy: AnonymizationPolicy, qi: string, level: number): string {
  const rows = policy.hierarchies[qi]?.rows ?? [];
  return rows.find((r) => r[0] !== '' && r[level] !== undefined)?.[level] ?? '';
}

/**
 * The privacy parameters of a run as published (report and manifest): from the policy snapshot and
 * the run's measures. The suppressed count follows the small-cell rule like any public count.
 */
export function privacyOfRun(standard: StandardDefinition, policy: AnonymizationPolicy, measuresJson: unknown, publishedRecords: number): ReportPrivacy {
  const m = (measuresJson ?? {}) as StoredMeasures;
  const suppressed = m.records?.suppressed ?? 0;
  const recordsIn = m.records?.in ?? publishedRecords + suppressed;
  return {
    k: policy.k,
    suppressionLimit: policy.suppressionLimit,
    suppressedRecords: suppressed,
    suppressedShare: recordsIn ? suppressed / recordsIn : 0,
    qis: policy.qis.map((qi) => {
      const measured = m.levels?.find((l) => l.qi === qi);
      const height = measured?.height ?? Math.max(0, (policy.hierarchies[qi]?.rows[0]?.length ?? 1) - 1);
      const level = measured?.level ?? 0;
      return { qi, label: standard.variables.find((v) => v.name === qi)?.label ?? qi, level, height, example: level > 0 ? exampleAt(policy, qi, level) : '' };
    }),
    classes: { count: m.classes?.count ?? 0, smallest: m.classes?.smallest ?? null },
    risk: m.risk ? { highest: m.risk.highest, average: m.risk.average } : null,
    informationLoss: m.informationLoss?.total ?? null,
    lDiversity: policy.lDiversity ?? null,
  };
}

/** The same for the manifest (JSON), with the suppressed count withheld when it is a small cell. */
export function manifestPrivacy(p: ReportPrivacy, publishedRecords: number): Record<string, unknown> {
  const small = p.suppressedRecords > 0 && p.suppressedRecords < p.k;
  return {
    model: 'k-anonymity (full-domain generalization and record suppression)',
    k: p.k,
    suppressionLimit: p.suppressionLimit,
    quasiIdentifiers: p.qis.map((q) => ({ variable: q.qi, level: q.level, height: q.height })),
    lDiversity: p.lDiversity,
    records: {
      published: publishedRecords,
      suppressed: small ? `<${p.k}` : p.suppressedRecords,
      suppressedShare: small ? null : p.suppressedShare,
    },
    equivalenceClasses: p.classes,
    risk: p.risk,
    informationLoss: p.informationLoss === null ? null : { measure: 'ARX loss', total: p.informationLoss },
  };
}
