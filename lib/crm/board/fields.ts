// The names of a card's fields in the board's one move form (lib/crm/board/schemas.ts), shared by the
// card list in the browser and the action's schema.

/** The button's value of a card: its id and the versions it was drawn with. */
export function cardValue(card: { id: number; version: number; crmVersion: number }): string {
  return `${card.id}.${card.version}.${card.crmVersion}`;
}

export const targetField = (id: number | string) => `t${id}`;
export const reasonField = (id: number | string) => `r${id}`;
