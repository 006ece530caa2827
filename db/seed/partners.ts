import { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { BlobStore } from '../../server/storage/blob-store';
import type { Db } from '../client';
import { agreements, partnerContacts, partners, type PartnerStatus } from '../schema';

type NewPartner = typeof partners.$inferInsert & { shortCode: string; status: PartnerStatus };

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

/** Demo partners modelled on the kinds in standard.md, in every onboarding state. */
export const DEMO_PARTNERS: NewPartner[] = [
  {
    shortCode: 'GCMS', name: 'Global Case Management System (IO)', type: 'international_organisation', dataSource: 'Case Management',
    cadence: 'quarterly', status: 'active', countries: ['PH', 'UA', 'MD', 'ID', 'KH'], website: 'https://example.org/gcms',
    description: 'Case-management system of an international organisation, aligned with HTCDS.',
  },
  {
    shortCode: 'NHL-US', name: 'National Anti-Trafficking Hotline', type: 'hotline', dataSource: 'Hotline',
    cadence: 'monthly', status: 'active', countries: ['US'], website: 'https://example.org/hotline',
    description: 'A national hotline exporting one row per call.',
  },
  {
    shortCode: 'RAF', name: "Réseau d'accueil francophone", type: 'ngo', dataSource: 'Case Management',
    cadence: 'twice_yearly', status: 'active', countries: ['FR', 'BE', 'CI', 'SN'],
    description: "Réseau de foyers d'accueil; tableur en français, séparé par des points-virgules.",
  },
  {
    shortCode: 'DGM-ES', name: 'Dirección General de Migraciones', type: 'government_agency', dataSource: 'Case Management',
    cadence: 'yearly', status: 'agreement_pending', countries: ['AR', 'CL', 'PE'], description: 'Agencia gubernamental hispanohablante.',
  },
  {
    shortCode: 'LEG', name: 'Legacy CTDC contributor', type: 'ngo', dataSource: 'Case Management',
    cadence: 'yearly', status: 'suspended', countries: ['NG', 'GH'], description: 'Older CTDC-style exports.',
  },
  { shortCode: 'ENG', name: 'Mekong Shelter Alliance', type: 'ngo', dataSource: 'Case Management', cadence: 'quarterly', status: 'engaged', countries: ['TH', 'LA'] },
  { shortCode: 'PRO', name: 'Prospective hotline network', type: 'hotline', dataSource: 'Hotline', cadence: 'monthly', status: 'prospect', countries: ['KE'] },
  {
    shortCode: 'OLD', name: 'Former law-enforcement partner', type: 'law_enforcement', dataSource: 'Case Management',
    cadence: 'yearly', status: 'offboarded', keepContributions: true, countries: ['GB'],
  },
];

/** Agreement periods (days from today); GCMS's runs out in 25 days so the expiry warning shows. */
const AGREEMENTS: Record<string, { from: number; to: number; status: 'signed' | 'draft' | 'expired' }> = {
  GCMS: { from: -340, to: 25, status: 'signed' },
  'NHL-US': { from: -100, to: 630, status: 'signed' },
  RAF: { from: -200, to: 530, status: 'signed' },
  'DGM-ES': { from: 0, to: 730, status: 'draft' },
  LEG: { from: -800, to: -10, status: 'expired' },
};

function agreementPdf(partner: string, from: string, to: string): Readable {
  const doc = new PDFDocument({ size: 'A4', margin: 56 });
  doc.fontSize(18).text('Data-sharing agreement (demo)').moveDown();
  doc.fontSize(11).text(`Between the Counter-Trafficking Data Collaborative and ${partner}.`).moveDown();
  doc.text(`In force from ${from} to ${to}. De-identified contributions may be published under the collaborative's disclosure-control policy.`);
  doc.end();
  return doc as unknown as Readable;
}

export async function seedPartners(db: Db, blobs: BlobStore, liaisonId: string | null): Promise<Record<string, string>> {
  const rows = await db
    .insert(partners)
    .values(DEMO_PARTNERS.map((p) => ({ ...p, liaisonId, activatedAt: ['active', 'suspended'].includes(p.status) ? new Date(Date.now() - 120 * DAY) : null })))
    .returning({ id: partners.id, shortCode: partners.shortCode, name: partners.name, status: partners.status });
  for (const p of rows) {
    if (p.status === 'prospect') continue;
    await db.insert(partnerContacts).values([
      { partnerId: p.id, name: `Data focal point, ${p.shortCode}`, email: `data@${p.shortCode.toLowerCase()}.example.org`, function: 'Data protection officer', isPrimary: true },
      { partnerId: p.id, name: `Programme lead, ${p.shortCode}`, email: `programme@${p.shortCode.toLowerCase()}.example.org`, function: 'Programme manager', isPrimary: false },
    ]);
    const a = AGREEMENTS[p.shortCode];
    if (!a) continue;
    const stored = await blobs.put('agreements', agreementPdf(p.name, day(a.from), day(a.to)));
    await db.insert(agreements).values({
      partnerId: p.id, version: 1, signedDate: a.status === 'draft' ? null : day(a.from - 5), effectiveDate: day(a.from), expiryDate: day(a.to),
      status: a.status, scopeGroups: ['demographics', 'exploitation', 'control'], attribution: `Data contributed by ${p.name}.`,
      documentKey: stored.key, documentName: 'agreement.pdf', documentSize: stored.size, documentSha256: stored.sha256,
    });
  }
  return Object.fromEntries(rows.map((r) => [r.shortCode, r.id]));
}
