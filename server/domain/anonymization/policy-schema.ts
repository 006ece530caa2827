import { z } from 'zod';
import { hierarchyHeight, HierarchyError, validateHierarchy } from './hierarchy';
import { AnonymizationPolicy, DEFAULT_K, DEFAULT_SUPPRESSION_LIMIT } from './policy';

export const hierarchySchema = z.object({
  rows: z.array(z.array(z.string()).min(2, 'a row needs a value and "*"')).min(1, 'a hierarchy needs rows'),
});

export const anonymizationPolicySchema = z
  .object({
    qis: z
      .array(z.string().min(1))
      .min(1, 'choose at least one quasi-identifier')
      .refine((qis) => new Set(qis).size === qis.length, 'a quasi-identifier is listed twice'),
    hierarchies: z.record(z.string(), hierarchySchema),
    maxLevels: z.record(z.string(), z.number().int().min(0)).default({}),
    k: z.number().int().min(2, 'k must be at least 2').default(DEFAULT_K),
    suppressionLimit: z.number().min(0).max(1, 'the suppression limit is a share between 0 and 1').default(DEFAULT_SUPPRESSION_LIMIT),
    lDiversity: z.object({ variable: z.string().min(1), l: z.number().int().min(2, 'l must be at least 2') }).optional(),
    riskThreshold: z.number().gt(0).max(1).optional(),
  })
  .superRefine((policy, ctx) => {
    for (const qi of policy.qis) {
      const hierarchy = policy.hierarchies[qi];
      if (!hierarchy) {
        ctx.addIssue({ code: 'custom', path: ['hierarchies', qi], message: `no hierarchy for quasi-identifier ${qi}` });
        continue;
      }
      try {
        validateHierarchy(hierarchy, qi);
      } catch (error) {
        if (!(error instanceof HierarchyError)) throw error;
        ctx.addIssue({ code: 'custom', path: ['hierarchies', qi], message: error.message });
        continue;
      }
      const max = policy.maxLevels[qi];
      if (max !== undefined && max > hierarchyHeight(hierarchy)) {
        ctx.addIssue({
          code: 'custom',
          path: ['maxLevels', qi],
          message: `max level ${max} of ${qi} is above its hierarchy's top level ${hierarchyHeight(hierarchy)}`,
        });
      }
    }
    for (const qi of Object.keys(policy.maxLevels)) {
      if (!policy.qis.includes(qi)) {
        ctx.addIssue({ code: 'custom', path: ['maxLevels', qi], message: `${qi} has a max level but is not a quasi-identifier` });
      }
    }
    if (policy.lDiversity && policy.qis.includes(policy.lDiversity.variable)) {
      ctx.addIssue({ code: 'custom', path: ['lDiversity', 'variable'], message: 'the sensitive variable cannot also be a quasi-identifier' });
    }
  });

export class PolicyValidationError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`invalid anonymization policy: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`);
    this.name = 'PolicyValidationError';
  }
}

/** Validates unknown input (e.g. a request body) into a policy, with defaults filled in. */
export function parseAnonymizationPolicy(input: unknown): AnonymizationPolicy {
  const parsed = anonymizationPolicySchema.safeParse(input);
  if (!parsed.success) {
    throw new PolicyValidationError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  return parsed.data;
}
