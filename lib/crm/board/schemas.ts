// The move of a board card (SPEC section 16). The board has one move form; each card's "Verschieben
// nach" select (`t<id>`), Verlustgrund (`r<id>`) and button belong to it, and the button names the card
// and the versions it was drawn with (`card=<id>.<version>.<crmVersion>`): a page of hundreds of
// cards carries no form of its own per card. Read here into the ticket, its versions, the column key,
// the target column (`none` for the empty group) and a Verlustgrund for a lost target.
import { z } from 'zod';
import { idSchema, versionSchema } from '@/lib/validation';
import { optionalIdSchema } from '../entries';
import { BOARD_COLUMNS } from './columns';
import { reasonField, targetField } from './fields';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function fromBoardForm(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const form = raw as Record<string, unknown>;
  const card = typeof form.card === 'string' ? form.card : '';
  const [id = '', version = '', crmVersion = ''] = card.split('.');
  // Sent by a script or an old page in one field each: taken as they are.
  if (!card) return form;
  // A field sent twice stays a list, which the schema refuses.
  return { id, version, crmVersion, column: form.column, target: form[targetField(id)] ?? '', lostReasonId: form[reasonField(id)] };
}

export const moveCardSchema = z.preprocess(
  fromBoardForm,
  z
    .object({
      id: idSchema,
      version: versionSchema,
      crmVersion: versionSchema,
      column: z.enum(BOARD_COLUMNS, { message: 'invalid' }),
      target: z
        .string({ message: 'board.error.target' })
        .trim()
        .min(1, { message: 'board.error.target' })
        .max(20, { message: 'board.error.target' }),
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
    }),
);

export type MoveCardInput = z.infer<typeof moveCardSchema>;
