'use server';
// The pipeline board's one write: a card moved to another column (crm only, version-checked).
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/action';
import { moveCard } from '@/lib/crm/board/move';
import { moveCardSchema } from '@/lib/crm/board/schemas';

/** Sets the field of the card's column to the target column's value; the board re-renders with new totals. */
export const moveCardAction = defineAction(
  { schema: moveCardSchema, role: 'crm', success: 'board.movedPlain', revalidate: '/crm/board' },
  (input, user) => moveCard(getDb(), user, input),
);
