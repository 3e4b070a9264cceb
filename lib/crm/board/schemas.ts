// The move form of a board card (SPEC section 16): the ticket, the versions it was drawn with, the
// column key and the target column (`none` for the empty group), and a Verlustgrund for a lost target.
import { z } from 'zod';
import { idSchema, versionSchema } from '@/lib/validation';
import { optionalIdSchema } from '../entries';
import { BOARD_COLUMNS } from './columns';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const moveCardSchema = z
  .object({
    id: idSchema,
    version: versionSchema,
    crmVersion: versionSchema,
    column: z.enum(BOARD_COLUMNS, { message: 'invalid' }),
    target: z.string().trim().min(1, { message: 'board.error.target' }).max(20, { message: 'board.error.target' }),
    lostReasonId: optionalIdSchema,
  })
  .transform((input, ctx) => {
    const { target } = input;
    if (target === 'none') return { ...input, target: null };
    if (input.column === 'closeMonth') {
      if (MONTH.test(target)) return { ...input, target };
    } else if (/^\d{1,15}$/.test(target) && Number(target) > 0) return { ...input, target: Number(target) };
    ctx.addIssue({ code: 'custom', path: ['target'], message: 'board.error.target' });
    return z.NEVER;
  });

export type MoveCardInput = z.infer<typeof moveCardSchema>;
