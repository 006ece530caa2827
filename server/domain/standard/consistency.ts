import { getLayout } from './layout';
import type { ConsistencyRule, StandardDefinition } from './types';

export type ConsistencyCode =
  /** majorityStatus was empty or Unknown; set from ageBroad. */
  | 'majority_status_filled'
  /** majorityStatus contradicted ageBroad; set from ageBroad (the band comes from an age). */
  | 'majority_status_conflict'
  /** isSexAndLabour was empty; set from its two components. */
  | 'conjunction_filled'
  /** isSexAndLabour contradicted its components; set from them. */
  | 'conjunction_conflict'
  /** isSexAndLabour was 1 with a component empty; the component is set to 1. */
  | 'conjunction_component_filled'
  /** A NotSpecified flag was 1 beside a specified flag of its group; NotSpecified set to 0. */
  | 'not_specified_conflict';

/** One fix applied to one record. Shared frozen objects: findings cost no allocation per row. */
export interface ConsistencyFinding {
  readonly code: ConsistencyCode;
  /** The variable that was changed. */
  readonly variable: string;
}

export type ConsistencyFn = (values: (string | null)[]) => readonly ConsistencyFinding[];

const NONE: readonly ConsistencyFinding[] = Object.freeze([]);
type Check = (values: (string | null)[], out: ConsistencyFinding[]) => void;

const finding = (code: ConsistencyCode, variable: string): ConsistencyFinding => Object.freeze({ code, variable });

function compileRule(standard: StandardDefinition, rule: ConsistencyRule): Check {
  const layout = getLayout(standard);
  switch (rule.type) {
    case 'majority_from_age_band': {
      const band = layout.index(rule.ageBand);
      const status = layout.index(rule.status);
      const minor = new Set(rule.minorBands);
      const filled = finding('majority_status_filled', rule.status);
      const conflict = finding('majority_status_conflict', rule.status);
      return (values, out) => {
        const b = values[band];
        if (b === null) return;
        const expected = minor.has(b) ? rule.minorCode : rule.adultCode;
        const actual = values[status];
        if (actual === expected) return;
        values[status] = expected;
        out.push(actual === null || actual === rule.unknownCode ? filled : conflict);
      };
    }
    case 'conjunction': {
      const target = layout.index(rule.target);
      const parts = rule.of.map((name) => layout.index(name));
      const filled = finding('conjunction_filled', rule.target);
      const conflict = finding('conjunction_conflict', rule.target);
      const componentFilled = rule.of.map((name) => finding('conjunction_component_filled', name));
      return (values, out) => {
        let all = true;
        let anyZero = false;
        for (const p of parts) {
          const v = values[p];
          if (v !== '1') all = false;
          if (v === '0') anyZero = true;
        }
        const actual = values[target];
        const expected = all ? '1' : anyZero ? '0' : null;
        if (expected === null) {
          // A component is unknown: a declared 1 tells us the unknown components are 1 too.
          if (actual !== '1') return;
          parts.forEach((p, i) => {
            if (values[p] === null) {
              values[p] = '1';
              out.push(componentFilled[i]);
            }
          });
          return;
        }
        if (actual === expected) return;
        values[target] = expected;
        out.push(actual === null ? filled : conflict);
      };
    }
    case 'not_specified_exclusive': {
      const flag = layout.index(rule.flag);
      const others = rule.others.map((name) => layout.index(name));
      const conflict = finding('not_specified_conflict', rule.flag);
      return (values, out) => {
        if (values[flag] !== '1') return;
        for (const o of others) {
          if (values[o] === '1') {
            values[flag] = '0';
            out.push(conflict);
            return;
          }
        }
      };
    }
  }
}

const compiled = new WeakMap<StandardDefinition, ConsistencyFn>();

/**
 * The standard's consistency rules as one function that fixes what is derivable in place and
 * returns what it changed. Rules run in the standard's order.
 */
export function compileConsistency(standard: StandardDefinition): ConsistencyFn {
  const cached = compiled.get(standard);
  if (cached) return cached;
  const checks = standard.consistencyRules.map((rule) => compileRule(standard, rule));
  const scratch: ConsistencyFinding[] = [];
  const fn: ConsistencyFn = (values) => {
    for (const check of checks) check(values, scratch);
    if (scratch.length === 0) return NONE;
    const out = scratch.slice();
    scratch.length = 0;
    return out;
  };
  compiled.set(standard, fn);
  return fn;
}

export function applyConsistencyRules(standard: StandardDefinition, values: (string | null)[]): readonly ConsistencyFinding[] {
  return compileConsistency(standard)(values);
}

/** Counting key of a finding, e.g. `majority_status_filled:majorityStatus`. */
export function findingKey(f: ConsistencyFinding): string {
  return `${f.code}:${f.variable}`;
}
