import type { PolicySnapshot } from '../anonymization-runs/types';

export type PolicyBody = PolicySnapshot;

/** `GET /api/policies/:id`: one saved (immutable) version, hierarchies included. */
export interface PolicyRow {
  id: string;
  name: string;
  version: number;
  description: string | null;
  policy: PolicyBody;
  createdBy: string | null;
  createdAt: string;
}

/** A row of `GET /api/policies`: the parameters without the hierarchies. */
export interface PolicySummary {
  id: string;
  name: string;
  version: number;
  description: string | null;
  createdAt: string;
  qis: string[];
  k: number;
  suppressionLimit: number;
  lDiversity: { variable: string; l: number } | null;
  maxLevels: Record<string, number>;
}

/** `GET /api/policies/:id/preview`: per QI, what each level publishes. */
export interface HierarchyPreview {
  qi: string;
  height: number;
  maxLevel: number | null;
  levels: { level: number; labels: string[] }[];
}
