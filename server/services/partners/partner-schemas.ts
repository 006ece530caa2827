import countries from 'i18n-iso-countries';
import { z } from 'zod';
import { CADENCES, DATA_SOURCES, PARTNER_TYPES } from '../../../db/schema';

const isoCountry = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => c.length === 2 && countries.isValid(c), { error: (issue) => `"${String(issue.input)}" is not an ISO 3166-1 alpha-2 country code` });

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional().transform((v) => v || null);

export const partnerFields = {
  name: z.string().trim().min(2, 'Name is required').max(200),
  shortCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, 'Short code: 2-20 letters, digits or dashes'),
  type: z.enum(PARTNER_TYPES),
  countries: z.array(isoCountry).max(250).default([]),
  website: z.string().trim().url('Website must be a full URL (https://…)').nullable().optional().or(z.literal('').transform(() => null)),
  description: optionalText(4000),
  dataSource: z.enum(DATA_SOURCES),
  cadence: z.enum(CADENCES),
  liaisonId: z.string().uuid().nullable().optional(),
};

export const createPartnerBody = z.object(partnerFields).strict();
export const updatePartnerBody = z.object(partnerFields).partial().strict();

export const contactBody = z
  .object({
    name: z.string().trim().min(1, 'Name is required').max(200),
    email: z.string().trim().email('Enter a valid e-mail address'),
    phone: optionalText(50),
    function: optionalText(200),
    isPrimary: z.boolean().default(false),
  })
  .strict();

const isoDate = z.string().date('Use a date like 2026-01-31');

export const agreementBody = z
  .object({
    signedDate: isoDate.nullable().optional(),
    effectiveDate: isoDate,
    expiryDate: isoDate,
    scopeGroups: z.array(z.string().trim().min(1)).default([]),
    attribution: z.string().trim().min(3, 'The attribution text for citations is required').max(2000),
  })
  .strict()
  .refine((a) => a.expiryDate > a.effectiveDate, { path: ['expiryDate'], message: 'The expiry date must be after the effective date' });

export const partnerActionBody = z
  .object({ reason: z.string().trim().max(2000).optional(), keepContributions: z.boolean().optional() })
  .strict();

export const inviteBody = z.object({ email: z.string().trim().toLowerCase().email('Enter a valid e-mail address'), name: z.string().trim().min(1).max(200) }).strict();
