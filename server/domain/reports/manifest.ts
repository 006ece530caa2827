export const COLLABORATIVE = 'Counter-Trafficking Data Collaborative (CTDC)';

export const TERMS_OF_USE = [
  'These data are de-identified case records of victims of human trafficking, published for research, analysis and policy.',
  'You may use, share and adapt them with attribution, citing the release as given in "citation".',
  'You must not attempt to identify any person, link the records with other data to that end, or publish anything that could single out a victim.',
  'Counts below k are not meaningful and must not be reported; the data are k-anonymous on the listed quasi-identifiers.',
  'The data are provided as they are, without warranty; they describe identified cases, not the prevalence of trafficking.',
].join(' ');

export interface Contributor {
  name: string;
  attribution: string;
}

/** The collaborative first, then each contributing partner's attribution text from its signed agreement. */
export function buildCitation(release: { title: string; version: string; publishedOn: string }, contributors: readonly Contributor[]): string {
  const year = release.publishedOn.slice(0, 4);
  const head = `${COLLABORATIVE} (${year}). ${release.title}, release ${release.version}, published ${release.publishedOn}.`;
  if (!contributors.length) return head;
  const sentence = (text: string) => { const t = text.trim().replace(/\s+/g, ' '); return /[.!?]$/.test(t) ? t : `${t}.`; };
  return `${head} Contributing organisations: ${contributors.map((c) => `${c.name}: ${sentence(c.attribution)}`).join(' ')}`;
}

export interface ManifestArtifact {
  kind: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface ManifestInput {
  release: { id: string; version: string; title: string; description: string | null; standard: { id: string; label: string }; publishedOn: string };
  citation: string;
  contributors: readonly Contributor[];
  privacy: Record<string, unknown>;
  records: number;
  artifacts: readonly ManifestArtifact[];
}

/** The release manifest: what was published, under which privacy parameters, how to cite it, and checksums. */
export function buildManifest(input: ManifestInput): string {
  const manifest = {
    manifestVersion: 1,
    publisher: COLLABORATIVE,
    release: {
      version: input.release.version,
      title: input.release.title,
      description: input.release.description,
      standard: input.release.standard,
      published: input.release.publishedOn,
      records: input.records,
    },
    citation: input.citation,
    contributors: input.contributors,
    termsOfUse: TERMS_OF_USE,
    privacy: input.privacy,
    artifacts: [...input.artifacts].sort((a, b) => (a.kind < b.kind ? -1 : 1)),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
