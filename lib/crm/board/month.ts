// A card moved into a month column (SPEC section 16): the expected close keeps its day, or takes the
// month's last day where the month is shorter (31 Jan → 28/29 Feb) or where the ticket had no date.

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The date in `month` (`YYYY-MM`) for a ticket whose expected close is `current` (`YYYY-MM-DD` or null). */
export function dateInMonth(month: string, current: string | null): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const last = daysIn(year, monthNumber);
  const day = current === null ? last : Math.min(Number(current.slice(8, 10)), last);
  return `${month}-${String(day).padStart(2, '0')}`;
}
