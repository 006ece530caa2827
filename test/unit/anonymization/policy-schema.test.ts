import { buildDefaultHierarchies, defaultPolicy, parseAnonymizationPolicy, PolicyValidationError } from '../../../server/domain/anonymization';

const hierarchies = buildDefaultHierarchies({ from: 2002, to: 2023 });

describe('anonymization policy schema', () => {
  it('fills privacy.md defaults: k = 11, 5 % suppression', () => {
    const policy = parseAnonymizationPolicy({ qis: ['gender'], hierarchies: { gender: hierarchies.gender } });
    expect(policy).toMatchObject({ k: 11, suppressionLimit: 0.05, maxLevels: {} });
    expect(policy.lDiversity).toBeUndefined();
  });

  it('accepts the default policy as is', () => {
    expect(parseAnonymizationPolicy(defaultPolicy({ from: 2002, to: 2023 })).qis).toHaveLength(7);
  });

  it('explains every problem with its path', () => {
    const attempt = () =>
      parseAnonymizationPolicy({
        qis: ['gender', 'ageBroad', 'gender'],
        hierarchies: { gender: hierarchies.gender },
        maxLevels: { gender: 3 },
        k: 1,
        suppressionLimit: 1.5,
      });
    expect(attempt).toThrow(PolicyValidationError);
    try {
      attempt();
    } catch (error) {
      const { issues } = error as PolicyValidationError;
      expect(issues).toEqual(
        expect.arrayContaining([
          { path: 'qis', message: 'a quasi-identifier is listed twice' },
          { path: 'k', message: 'k must be at least 2' },
          { path: 'suppressionLimit', message: 'the suppression limit is a share between 0 and 1' },
        ]),
      );
    }
  });

  it('reports a missing hierarchy, a max level above the top, and a hierarchy that does not nest', () => {
    const nested = { rows: [['a', 'g', '*'], ['b', 'g', '*'], ['c', 'h', '*']] };
    const notNesting = { rows: [['a', 'g', 'X', '*'], ['b', 'g', 'Y', '*']] };
    expect(() => parseAnonymizationPolicy({ qis: ['gender', 'ageBroad'], hierarchies: { gender: hierarchies.gender } })).toThrow(
      'hierarchies.ageBroad: no hierarchy for quasi-identifier ageBroad',
    );
    expect(() => parseAnonymizationPolicy({ qis: ['x'], hierarchies: { x: nested }, maxLevels: { x: 3 } })).toThrow(
      "maxLevels.x: max level 3 of x is above its hierarchy's top level 2",
    );
    expect(() => parseAnonymizationPolicy({ qis: ['x'], hierarchies: { x: notNesting } })).toThrow(
      'hierarchies.x: x: levels do not nest: "g" at level 1 generalizes to both "X" and "Y" at level 2',
    );
  });

  it('refuses a sensitive variable that is also a QI', () => {
    expect(() =>
      parseAnonymizationPolicy({ qis: ['gender'], hierarchies: { gender: hierarchies.gender }, lDiversity: { variable: 'gender', l: 2 } }),
    ).toThrow('lDiversity.variable: the sensitive variable cannot also be a quasi-identifier');
  });
});
