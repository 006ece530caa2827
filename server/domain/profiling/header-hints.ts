/**
 * What a column's header says it holds, in English, French, Spanish and Portuguese. Headers are
 * normalised first: accents dropped, camelCase and separators split, lower case
 * (`prs_DateOfBirth` → "prs date of birth", `Téléphone` → "telephone").
 */
export type HeaderHint =
  | 'email' | 'phone' | 'birth' | 'name' | 'not_a_person' | 'address' | 'document'
  | 'case' | 'free_text' | 'age' | 'year' | 'date';

export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const HINTS: [HeaderHint, RegExp][] = [
  ['email', /\b(e ?mail|mail|courriel|correo|correo electronico)\b/],
  ['phone', /\b(phone|telephone|tel|telefono|telefone|mobile|cell|cellphone|portable|movil|celular|whatsapp|gsm|msisdn)\b/],
  ['birth', /\b(birth|dob|born|birthday|birthdate|naissance|nacimiento|nascimento|nac|ne le|nee le)\b/],
  ['name', /\b(names?|noms?|prenoms?|nombres?|apellidos?|nome|sobrenome|surname|firstname|lastname|fullname|given|alias|nickname|apodo)\b/],
  ['not_a_person', /\b(country|pays|pais|organi[sz]ation|org|partner|file|fichier|city|ville|ciudad|cidade|region|program|project|projet|sector|secteur|shelter|foyer|office|school|company|entreprise|empresa)\b/],
  ['address', /\b(address|addr|adresse|direccion|endereco|domicile|domicilio|street|rue|calle|morada|postal)\b/],
  ['document', /\b(passport|passeport|pasaporte|passaporte|document|doc|id card|idcard|identity|identite|identidad|cni|dni|nin|ssn|national id|visa|permit|cedula|cpf)\b/],
  ['case', /\b(case|caso|dossier|expediente|file no|record|reference|ref|id|uuid|identifier|numero|no|nr|num|number)\b/],
  ['free_text', /\b(narrative|situation|description|notes?|comments?|remarks?|observations?|details?|summary|story|recit|commentaires?|observaciones|descripcion|historia|relato|resumen|comentarios?|notas?|observacoes|descricao)\b/],
  ['age', /\b(age|ages|edad|idade|years old|ans)\b/],
  ['year', /\b(year|annee|ano|anio|yr)\b/],
  ['date', /\b(date|fecha|data|day|jour|dia|when)\b/],
];

export function headerHints(header: string): Set<HeaderHint> {
  const text = normaliseHeader(header);
  const hints = new Set<HeaderHint>();
  for (const [hint, pattern] of HINTS) if (pattern.test(text)) hints.add(hint);
  return hints;
}
