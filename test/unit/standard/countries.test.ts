import { normaliseCountry } from '../../../server/domain/countries';

const alpha2 = (input: string, naMeans?: 'namibia' | 'missing') => {
  const r = normaliseCountry(input, { naMeans });
  return r.status === 'country' ? r.alpha2 : r.status;
};

describe('normaliseCountry', () => {
  it.each([
    ['Moldova', 'MD'],
    ['Republic of Moldova', 'MD'],
    ['Moldavie', 'MD'],
    ['Moldavia', 'MD'],
    ['Moldávia', 'MD'],
    ["Côte d'Ivoire", 'CI'],
    ['Cote d’Ivoire', 'CI'],
    ["Côte-d'Ivoire", 'CI'],
    ['Costa de Marfil', 'CI'],
    ['Costa do Marfim', 'CI'],
    ['Estados Unidos', 'US'],
    ['États-Unis', 'US'],
    ['Etats-Unis d’Amérique', 'US'],
    ['United States of America', 'US'],
    ['USA', 'US'],
    ['U.S.A.', 'US'],
    ['Viet Nam', 'VN'],
    ['Vietname', 'VN'],
    ['PHILIPPINES', 'PH'],
    ['Filipinas', 'PH'],
    ['nigéria', 'NG'],
    ['Roumanie', 'RO'],
    ['Rumania', 'RO'],
    ['Roménia', 'RO'],
    ['Royaume-Uni', 'GB'],
    ['UK', 'GB'],
    ['Congo (República Democrática del)', 'CD'],
    ['República Democrática del Congo', 'CD'],
    ['République du Congo', 'CG'],
  ])('name %p → %s', (input, expected) => expect(alpha2(input)).toBe(expected));

  it.each([
    ['us', 'US'],
    ['PH', 'PH'],
    ['MDA', 'MD'],
    ['phl', 'PH'],
    ['840', 'US'],
    ['4', 'AF'],
    ['004', 'AF'],
    ['498', 'MD'],
    ['P H', 'PH'],
    ['U.S.', 'US'],
  ])('code %p → %s', (input, expected) => expect(alpha2(input)).toBe(expected));

  it('publishes Kosovo under Serbia and Tibet under China', () => {
    for (const k of ['XK', 'XKX', 'Kosovo', 'Kosova']) expect(alpha2(k)).toBe('RS');
    for (const t of ['Tibet', 'Tíbet']) expect(alpha2(t)).toBe('CN');
  });

  it.each(['', '  ', '00', '0', 'ZZ', 'zz', '-99', 'NULL', 'Unknown', 'Inconnu', 'Desconocido', 'N/A', 'N.A.', 'n/a'])(
    '%p is missing',
    (input) => expect(alpha2(input)).toBe('missing'),
  );

  it('reads NA as Namibia unless told the column writes names', () => {
    expect(alpha2('NA')).toBe('NA');
    expect(alpha2('na')).toBe('NA');
    expect(alpha2('Namibia')).toBe('NA');
    expect(alpha2('Namibie')).toBe('NA');
    expect(alpha2('NA', 'missing')).toBe('missing');
    expect(alpha2('Namibia', 'missing')).toBe('NA');
  });

  it('never guesses: unknown and ambiguous names are reported as such', () => {
    expect(normaliseCountry('Atlantis')).toEqual({ status: 'unknown', reason: 'not_a_country' });
    expect(normaliseCountry('Congo')).toEqual({ status: 'unknown', reason: 'ambiguous' });
    expect(normaliseCountry('Korea')).toEqual({ status: 'unknown', reason: 'ambiguous' });
    expect(normaliseCountry('QQ')).toEqual({ status: 'unknown', reason: 'not_a_country' });
    expect(normaliseCountry('999x')).toEqual({ status: 'unknown', reason: 'not_a_country' });
    expect(normaliseCountry('Stateless').status).toBe('unknown');
  });
});
