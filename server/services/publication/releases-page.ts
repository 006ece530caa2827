import type { PublicRelease } from './public-releases';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const size = (bytes: number): string =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : bytes >= 1e3 ? `${(bytes / 1e3).toFixed(1)} kB` : `${bytes} B`;

const KIND_LABELS: Record<string, string> = {
  microdata_csv: 'Microdata (CSV)', codebook_csv: 'Codebook (CSV)', codebook_pdf: 'Codebook (PDF)', report_pdf: 'Statistical report (PDF)', manifest: 'Manifest with checksums (JSON)',
};

function release(r: PublicRelease): string {
  const e = escapeHtml;
  const head = `<h2>${e(r.version)}: ${e(r.title)}</h2>`;
  if (r.status === 'retracted') {
    return `<section class="retracted">${head}<p><strong>Retracted</strong>${r.retracted?.at ? ` on ${e(r.retracted.at.slice(0, 10))}` : ''}: ${e(r.retracted?.reason ?? '')}</p><p>Its files are no longer available.</p></section>`;
  }
  const files = r.artifacts.map((a) =>
    `<li><a href="${e(a.url)}" download="${e(a.filename)}">${e(KIND_LABELS[a.kind] ?? a.kind)}</a> <small>${e(a.filename)}, ${size(a.size)}, SHA-256 <code>${e(a.sha256)}</code></small></li>`).join('');
  return `<section>${head}<p>Published ${e((r.publishedAt ?? '').slice(0, 10))} · ${e(r.standard.label)}${r.records !== null ? ` · ${r.records.toLocaleString('en-US')} records` : ''}</p>` +
    `${r.description ? `<p>${e(r.description)}</p>` : ''}<ul>${files}</ul><p class="cite"><strong>Cite as:</strong> ${e(r.citation ?? '')}</p></section>`;
}

/** A plain, server-rendered list of releases with download links and citations: no script, everything escaped. */
export function renderReleasesPage(list: readonly PublicRelease[]): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>CTDC published releases</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2933}h2{margin-top:2rem}
small{color:#616e7c}code{font-size:12px;word-break:break-all}.retracted{color:#616e7c}.cite{background:#f5f7fa;padding:.5rem .75rem}</style>
</head><body>
<h1>Counter-Trafficking Data Collaborative: published releases</h1>
<p>De-identified, k-anonymous case data on victims of human trafficking. Each release lists its files with their SHA-256 checksums, and how to cite it. The manifest holds the terms of use.</p>
${list.length ? list.map(release).join('\n') : '<p>No release has been published yet.</p>'}
</body></html>
`;
}
