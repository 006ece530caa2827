import countries from 'i18n-iso-countries';
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

describe('every country of the library', () => {
  const codes = Object.keys(countries.getAlpha2Codes()).filter((c) => c !== 'XK');

  it('is found by its alpha-2, alpha-3 and numeric codes', () => {
    for (const code of codes) {
      expect([code, alpha2(code)]).toEqual([code, code]);
      expect([code, alpha2(countries.alpha2ToAlpha3(code)!)]).toEqual([code, code]);
      expect([code, alpha2(countries.alpha2ToNumeric(code)!)]).toEqual([code, code]);
    }
  });

  it('is found by its name in English, French, Spanish and Portuguese, or reported ambiguous, never as another country', () => {
    let found = 0;
    for (const locale of ['en', 'fr', 'es', 'pt']) {
      for (const code of codes) {
        const name = countries.getName(code, locale)!;
        const r = normaliseCountry(name.toUpperCase());
        if (r.status === 'country') {
          expect([locale, name, r.alpha2]).toEqual([locale, name, code]);
          found++;
        } else {
          expect([locale, name, r]).toEqual([locale, name, { status: 'unknown', reason: 'ambiguous' }]);
        }
      }
    }
    expect(found / (codes.length * 4)).toBeGreaterThan(0.99);
  });
});
