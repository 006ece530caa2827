import { Hierarchy, hierarchyHeight } from './hierarchy';

export interface HierarchyLevelPreview {
  level: number;
  /** Distinct labels in first-appearance order; `''` is the empty value. */
  labels: string[];
}

/** For the UI: what each level of a hierarchy looks like. */
export function previewHierarchy(hierarchy: Hierarchy): HierarchyLevelPreview[] {
  const levels: HierarchyLevelPreview[] = [];
  for (let level = 0; level <= hierarchyHeight(hierarchy); level++) {
    const labels = new Set(hierarchy.rows.map((row) => row[level]));
    levels.push({ level, labels: [...labels] });
  }
  return levels;
}
