import type { Db } from '../../../db/client';
import type { Actor, RequestMeta } from '../../auth/actor';
import { hierarchyFromArxCsv, hierarchyHeight, HierarchyError, hierarchyToArxCsv, previewHierarchy, type Hierarchy } from '../../domain/anonymization';
import { AppError, notFound } from '../../errors/app-error';
import { createPolicyVersion, getPolicy, type PolicyRow } from './manage-policies';

function hierarchyOf(row: PolicyRow, qi: string): Hierarchy {
  const hierarchy = row.policy.hierarchies[qi];
  if (!hierarchy) throw notFound(`Hierarchy of ${qi} in policy "${row.name}" v${row.version}`);
  return hierarchy;
}

/** Per QI, what each level publishes: the distinct labels from the value itself up to `*`. */
export async function previewPolicyHierarchies(db: Db, id: string, onlyQi?: string) {
  const row = await getPolicy(db, id);
  const qis = onlyQi ? [onlyQi] : row.policy.qis;
  return qis.map((qi) => {
    const hierarchy = hierarchyOf(row, qi);
    return { qi, height: hierarchyHeight(hierarchy), maxLevel: row.policy.maxLevels[qi] ?? null, levels: previewHierarchy(hierarchy) };
  });
}

/** ARX's hierarchy file, so the policy can be cross-checked in ARX on the same data. */
export async function exportHierarchyCsv(db: Db, id: string, qi: string): Promise<{ filename: string; csv: string }> {
  const row = await getPolicy(db, id);
  return { filename: `${row.name}-v${row.version}-${qi}.csv`, csv: hierarchyToArxCsv(hierarchyOf(row, qi)) };
}

/** Replaces one QI's hierarchy with an ARX file: saved as the policy's next version, validated whole. */
export async function importHierarchyCsv(db: Db, actor: Actor, meta: RequestMeta, id: string, qi: string, csv: string): Promise<PolicyRow> {
  const row = await getPolicy(db, id);
  let hierarchy: Hierarchy;
  try {
    hierarchy = hierarchyFromArxCsv(csv, qi);
  } catch (error) {
    if (!(error instanceof HierarchyError)) throw error;
    throw new AppError('validation', error.message, { fields: [{ path: 'csv', message: error.message }] });
  }
  const policy = { ...row.policy, hierarchies: { ...row.policy.hierarchies, [qi]: hierarchy } };
  return createPolicyVersion(db, actor, meta, id, { policy }, { importedHierarchy: qi, format: 'arx-csv', rows: hierarchy.rows.length });
}
