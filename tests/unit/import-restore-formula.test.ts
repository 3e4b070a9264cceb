// Reading back cells our Excel dialect neutralised: the inverse of neutraliseFormula where one exists.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, restoreFormula } from '@/lib/csv/formula';

// Strings rich in what the formula rule looks at: leading blanks, formula characters, quotes.
const tricky = fc.string({
  unit: fc.constantFrom("'", '=', '+', '-', '@', ' ', '\t', '\r', '\n', '\u00a0', '\u200b', '\u2060', 'a', '1', 'ß'),
  maxLength: 8,
});
const anyText = fc.oneof(tricky, fc.string(), fc.string({ unit: 'grapheme' }));

/** The only texts the exporter writes like another text: `'` before formula-like text (`'=1` and `=1`). */
function collides(text: string): boolean {
  return text.startsWith("'") && neutraliseFormula(text.slice(1)) !== text.slice(1);
}

describe('restoreFormula', () => {
  it('removes the quote neutraliseFormula added', () => {
    expect(restoreFormula("'=SUMME(A1:A2)")).toBe('=SUMME(A1:A2)');
    expect(restoreFormula("'-5")).toBe('-5');
    expect(restoreFormula("' \u00a0@x")).toBe(' \u00a0@x');
    expect(restoreFormula("'\tTab")).toBe('\tTab');
    expect(restoreFormula("'\rCR")).toBe('\rCR');
  });

  it("keeps a user's own leading quote before text that is no formula", () => {
    expect(restoreFormula("'s-Hertogenbosch")).toBe("'s-Hertogenbosch");
    expect(restoreFormula("'")).toBe("'");
    expect(restoreFormula("''=x")).toBe("''=x");
    expect(restoreFormula('Müller')).toBe('Müller');
  });

  it('undoes neutraliseFormula for every text but the colliding ones', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        fc.pre(!collides(text));
        expect(restoreFormula(neutraliseFormula(text))).toBe(text);
      }),
      { seed: 22, numRuns: 2_000 },
    );
  });

  it('gives back every cell the exporter can write when neutralised again', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const written = neutraliseFormula(text);
        expect(neutraliseFormula(restoreFormula(written))).toBe(written);
      }),
      { seed: 22, numRuns: 2_000 },
    );
  });

  it("reads `'=1` as `=1`: the exporter writes `=1` and `'=1` alike, so the original cannot be told", () => {
    expect(neutraliseFormula('=1')).toBe(neutraliseFormula("'=1"));
    expect(restoreFormula(neutraliseFormula("'=1"))).toBe('=1');
  });
});
