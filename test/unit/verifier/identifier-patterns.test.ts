import { identifierKindOf, looksLikeName } from '../../../server/domain/verifier';

describe('identifier-looking values', () => {
  it.each([
    ['maria.lopez@example.org', 'email'],
    ['write to j.doe@mail.co.uk please', 'email'],
    ['+63 917 555 0134', 'phone'],
    ['(02) 8555-0134', 'phone'],
    ['call 0063 917 555 0134', 'phone'],
    ['9175550134', 'long-number'],
    ['P1234567', 'document-number'],
    ['2019-03-14', 'precise-date'],
    ['14/03/2019', 'precise-date'],
    ['2019-03', 'precise-date'],
    ['March 14', 'precise-date'],
    ['14 March 2019', 'precise-date'],
    ['2019-03-14T10:22:00Z', 'precise-date'],
    ['She was recruited by a neighbour who promised work in a restaurant abroad', 'free-text'],
  ])('%s is a %s', (value, kind) => {
    expect(identifierKindOf(value)).toBe(kind);
  });

  it.each([
    '2019',
    '2002-2003',
    '2002-2005',
    '0--8',
    '9--17',
    '48+',
    '*',
    'NA',
    'Minor',
    'Transgender/NonConforming',
    'Case Management',
    'South-eastern Asia',
    'Latin America and the Caribbean',
    '1',
    'Debt bondage;Physical abuse;Psychological abuse;Restricts movement;Takes earnings;Threats;Withholds documents',
  ])('%s is a published value, not an identifier', (value) => {
    expect(identifierKindOf(value)).toBeNull();
  });

  it('recognises name-like strings, which the verifier then judges by rarity', () => {
    expect(looksLikeName('Maria Lopez')).toBe(true);
    expect(looksLikeName('Ana María Pérez')).toBe(true);
    expect(looksLikeName("Seán O'Brien")).toBe(false);
    expect(looksLikeName('Debt bondage')).toBe(false);
    expect(looksLikeName('Hotline')).toBe(false);
  });
});
