import type { Db } from '../client';
import { partners, type PartnerStatus } from '../schema';

type NewPartner = typeof partners.$inferInsert & { shortCode: string; status: PartnerStatus };

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
    cadence: 'twice_yearly', status: 'agreement_pending', countries: ['FR', 'BE', 'CI', 'SN'],
    description: 'Réseau de foyers d’accueil; tableur en français, séparé par des points-virgules.',
  },
  {
    shortCode: 'DGM-ES', name: 'Dirección General de Migraciones', type: 'government_agency', dataSource: 'Case Management',
    cadence: 'yearly', status: 'engaged', countries: ['AR', 'CL', 'PE'], description: 'Agencia gubernamental hispanohablante.',
  },
  {
    shortCode: 'LEG', name: 'Legacy CTDC contributor', type: 'ngo', dataSource: 'Case Management',
    cadence: 'yearly', status: 'suspended', countries: ['NG', 'GH'], description: 'Older CTDC-style exports.',
  },
  {
    shortCode: 'PRO', name: 'Prospective shelter network', type: 'ngo', dataSource: 'Case Management',
    cadence: 'quarterly', status: 'prospect', countries: ['TH'],
  },
  {
    shortCode: 'OLD', name: 'Former law-enforcement partner', type: 'law_enforcement', dataSource: 'Case Management',
    cadence: 'yearly', status: 'offboarded', keepContributions: true, countries: ['GB'],
  },
];

export async function seedPartners(db: Db): Promise<Record<string, string>> {
  const rows = await db.insert(partners).values(DEMO_PARTNERS).returning({ id: partners.id, shortCode: partners.shortCode });
  return Object.fromEntries(rows.map((r) => [r.shortCode, r.id]));
}
