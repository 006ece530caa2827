import { z } from 'zod';
import { ROLES } from '../../../db/schema';
import { PASSWORD_RULE } from '../../auth/passwords';

export const password = z.string().min(PASSWORD_RULE.min, PASSWORD_RULE.message).max(200);
const role = z.enum(ROLES);

const userShape = {
  email: z.string().trim().toLowerCase().email('Enter a valid e-mail address'),
  name: z.string().trim().min(1, 'Name is required').max(200),
  roles: z.array(role).min(1, 'Choose at least one role'),
  partnerId: z.string().uuid().nullable().optional(),
  locale: z.enum(['en', 'fr', 'es']).optional(),
};

/** A partner user holds only that role and belongs to one partner; staff belong to none. */
function rolesFitPartner(v: { roles?: string[]; partnerId?: string | null }, ctx: z.RefinementCtx) {
  if (!v.roles) return;
  const partnerUser = v.roles.includes('partner_user');
  if (partnerUser && (v.roles.length > 1 || !v.partnerId)) {
    ctx.addIssue({ code: 'custom', path: ['roles'], message: 'A partner user holds only that role and needs a partner' });
  }
  if (!partnerUser && v.partnerId) {
    ctx.addIssue({ code: 'custom', path: ['partnerId'], message: 'Only partner users belong to a partner' });
  }
}

export const createUserBody = z.object({ ...userShape, password }).strict().superRefine(rolesFitPartner);
export const updateUserBody = z
  .object({ ...userShape, active: z.boolean() })
  .partial()
  .strict()
  .superRefine(rolesFitPartner);
export const resetPasswordBody = z.object({ password }).strict();
