// Reading back cells our Excel dialect neutralised: the inverse of neutraliseFormula where one exists.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from '@/lib/csv/formula';
import { unneutralise } from '@/lib/import/parse/unneutralise';

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

describe('unneutralise', () => {
  it('removes the quote neutraliseFormula added', () => {
    expect(unneutralise("'=SUMME(A1:A2)")).toBe('=SUMME(A1:A2)');
    expect(unneutralise("'-5")).toBe('-5');
    expect(unneutralise("' \u00a0@x")).toBe(' \u00a0@x');
    expect(unneutralise("'\tTab")).toBe('\tTab');
    expect(unneutralise("'\rCR")).toBe('\rCR');
  });

  it("keeps a user's own leading quote before text that is no formula", () => {
    expect(unneutralise("'s-Hertogenbosch")).toBe("'s-Hertogenbosch");
    expect(unneutralise("'")).toBe("'");
    expect(unneutralise("''=x")).toBe("''=x");
    expect(unneutralise('Müller')).toBe('Müller');
  });

  it('undoes neutraliseFormula for every text but the colliding ones', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        fc.pre(!collides(text));
        expect(unneutralise(neutraliseFormula(text))).toBe(text);
      }),
      { seed: 22, numRuns: 2_000 },
    );
  });

  it('gives back every cell the exporter can write when neutralised again', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const written = neutraliseFormula(text);
        expect(neutraliseFormula(unneutralise(written))).toBe(written);
      }),
      { seed: 22, numRuns: 2_000 },
    );
  });

  it("reads `'=1` as `=1`: the exporter writes `=1` and `'=1` alike, so the original cannot be told", () => {
    expect(neutraliseFormula('=1')).toBe(neutraliseFormula("'=1"));
    expect(unneutralise(neutraliseFormula("'=1"))).toBe('=1');
  });
});
