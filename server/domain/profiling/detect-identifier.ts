import type { IdentifierKind } from './types';
import type { ColumnAccumulator } from './column-accumulator';
import type { HeaderHint } from './header-hints';
import { Shape, Trait } from './value-shape';

export interface IdentifierFinding {
  kind: IdentifierKind;
  reason: string;
}

/** Shares of a column's (non-missing) values. */
export interface ColumnShares {
  n: number;
  distinctRatio: number;
  date: number;
  email: number;
  phone: number;
  boolean: number;
  text: number;
  nameLike: number;
  addressLike: number;
  documentLike: number;
  idLike: number;
  meanWords: number;
  /** Multi-value cells built from a small vocabulary (`DebtBondage;Threats`): a coded list, not prose. */
  codedList: boolean;
}

export function columnShares(acc: ColumnAccumulator): ColumnShares {
  const n = acc.nonEmpty - acc.missingMarkers;
  const share = (count: number): number => (n > 0 ? count / n : 0);
  const integers = acc.shapes[Shape.Integer];
  const distinctRatio = acc.nonEmpty > 0 ? acc.distinctCount / acc.nonEmpty : 0;
  // Unique integers (1, 2, 3 … or 104522) are row or record numbers.
  const uniqueIntegers = distinctRatio >= 0.95 ? integers : acc.traitCount(Trait.LongDigits);
  return {
    n,
    distinctRatio,
    date: share(acc.shapes[Shape.Date]),
    email: share(acc.shapes[Shape.Email]),
    // Phone-shaped values and long digit strings (phones typed without separators).
    phone: share(acc.traitCount(Trait.LongDigits)),
    boolean: share(acc.shapes[Shape.Boolean]),
    text: share(acc.shapes[Shape.Text]),
    nameLike: share(acc.traitCount(Trait.NameLike)),
    addressLike: share(acc.traitCount(Trait.AddressLike)),
    documentLike: share(acc.traitCount(Trait.DocumentLike)),
    idLike: share(Math.max(acc.traitCount(Trait.IdLike), uniqueIntegers)),
    meanWords: n > 0 ? acc.wordSum / n : 0,
    codedList: acc.traitCount(Trait.MultiValue) > 0 && !acc.tokensCapped && acc.tokens.size <= 100,
  };
}

/**
 * Whether a column holds direct identifiers, from its header and the shape of its values. Errs
 * towards flagging: a wrongly flagged column costs a steward one click, a missed one exposes a
 * person. Reasons quote the header, never a value.
 */
export function detectIdentifier(hints: ReadonlySet<HeaderHint>, s: ColumnShares, capped: boolean, distinct: number): IdentifierFinding | null {
  const says = (hint: HeaderHint): boolean => hints.has(hint);
  const empty = s.n === 0;
  const varied = capped || distinct >= 30 || s.distinctRatio >= 0.05;
  const unique = capped ? s.distinctRatio >= 0.5 : s.distinctRatio >= 0.9 && s.n >= 20;

  if (s.email >= 0.5) return { kind: 'email', reason: 'values look like e-mail addresses' };
  if (says('email') && (empty || s.email > 0)) return { kind: 'email', reason: 'header names an e-mail address' };
  if (says('birth')) return { kind: 'birth_date', reason: 'header names a date of birth' };
  if (s.date >= 0.8) {
    if (says('age')) return { kind: 'birth_date', reason: 'header names an age but the values are full dates (birth dates?)' };
    return { kind: 'precise_date', reason: 'values are full dates (day precision); only a year may be derived from them' };
  }
  if (says('phone') && (empty || s.phone >= 0.3)) return { kind: 'phone', reason: 'header names a phone number' };
  if (says('document') && (empty || s.idLike >= 0.5 || s.documentLike >= 0.5)) {
    return { kind: 'document_number', reason: 'header names an identity or travel document' };
  }
  if (says('case') && s.idLike >= 0.8 && unique) return { kind: 'case_number', reason: 'header names a case or record number and values are unique' };
  if (s.phone >= 0.6 && s.distinctRatio >= 0.3) return { kind: 'phone', reason: 'values look like phone numbers' };
  if (s.documentLike >= 0.6 && s.distinctRatio >= 0.5) return { kind: 'document_number', reason: 'values look like document numbers' };
  if (says('address') && (empty || s.text + s.idLike >= 0.5)) return { kind: 'address', reason: 'header names an address' };
  if (s.addressLike >= 0.5 && s.distinctRatio >= 0.2) return { kind: 'address', reason: 'values look like postal addresses' };
  if (says('name') && !says('not_a_person') && s.boolean < 0.5 && (empty || varied)) {
    return { kind: 'name', reason: "header names a person's name" };
  }
  if (s.nameLike >= 0.8 && distinct >= 100 && s.distinctRatio >= 0.2) return { kind: 'name', reason: 'values look like personal names' };
  if (says('free_text') && (empty || (s.text >= 0.5 && s.meanWords >= 2 && !s.codedList))) {
    return { kind: 'free_text', reason: 'header names a narrative or notes' };
  }
  if (s.idLike >= 0.9 && unique) return { kind: 'case_number', reason: 'values are unique identifiers' };
  if (s.text >= 0.5 && s.meanWords >= 5 && (capped || s.distinctRatio >= 0.3) && !s.codedList) {
    return { kind: 'free_text', reason: 'values are long free text' };
  }
  if (s.text >= 0.5 && capped && s.meanWords >= 2 && !s.codedList) {
    return { kind: 'free_text', reason: 'values are varied free text' };
  }
  return null;
}
