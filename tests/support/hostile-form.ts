// What one run of the hostile-input tests sends to a server action: a valid form with a few fields
// dropped, replaced by values of the hostile alphabet or repeated, and unknown names added; read back
// the way the action reads it, to check what an acceptance stored.
import fc from 'fast-check';
import { expect } from 'vitest';
import { HOSTILE_KEYS, hostileString, wellFormed, type IdGroups } from './hostile-values';

export type Fields = Record<string, string | File | (string | File)[]>;
export type Entry = [key: string, value: string | File];

/** What one run sent: the form entries in order, read the way the action reads them. */
export class Sent {
  readonly entries: Entry[];

  constructor(entries: Entry[]) {
    this.entries = entries.map(([key, value]) => [wellFormed(key), typeof value === 'string' ? wellFormed(value) : value]);
  }

  all(key: string): (string | File)[] {
    return this.entries.filter(([name]) => name === key).map(([, value]) => value);
  }

  /** `formData.get(key)`: the first value, if it is text. */
  first(key: string): string | undefined {
    const value = this.all(key)[0];
    return typeof value === 'string' ? value : undefined;
  }

  /**
   * The one value of a single-valued field, a file part counting as its name (as an empty file
   * input sends ''); an acceptance with more than one value is a bug.
   */
  one(key: string): string | undefined {
    const values = this.all(key);
    if (values.length > 1) throw new Error(`accepted ${values.length} values for the single field "${key}"`);
    return values[0] instanceof File ? values[0].name : values[0];
  }

  /** The ids a checkbox group sent, as the stored numbers; a lone '' is none. */
  ids(key: string): number[] {
    const values = this.all(key).map((value) => (value instanceof File ? value.name : value));
    return values.length === 1 && values[0] === '' ? [] : [...new Set(values.map(expectId))];
  }

  [fc.toStringMethod](): string {
    return JSON.stringify(
      this.entries.map(([key, value]) => [
        key,
        typeof value === 'string'
          ? value.length > 200
            ? `${value.slice(0, 20)}… (${value.length} characters)`
            : value
          : `File ${value.name}`,
      ]),
    );
  }

  form(): FormData {
    const form = new FormData();
    for (const [key, value] of this.entries) form.append(key, value);
    return form;
  }
}

/** An accepted id was typed as decimal digits (blanks around allowed) and is a positive safe integer. */
export function expectId(value: string | undefined): number {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) throw new Error(`accepted ${JSON.stringify(value?.slice(0, 40))} as an id`);
  const id = Number(value);
  expect(Number.isSafeInteger(id) && id > 0).toBe(true);
  return id;
}

/** An optional id field: '' or absent is none. */
export function expectOptionalId(value: string | undefined): number | null {
  return value === undefined || value === '' ? null : expectId(value);
}

const DROP = Symbol('drop');

/** A text file part where text is expected (a multipart post may carry one in any field). */
const fileValue = fc.constantFrom(new File(['=1+1'], 'formel.csv', { type: 'text/csv' }), new File([], ''));

function hostileValue(ids: IdGroups, extra: readonly string[]): fc.Arbitrary<(string | File)[]> {
  const text =
    extra.length > 0
      ? fc.oneof({ weight: 3, arbitrary: hostileString(ids) }, { weight: 2, arbitrary: fc.constantFrom(...extra) })
      : hostileString(ids);
  return fc.oneof(
    { weight: 8, arbitrary: text.map((value) => [value]) },
    // Duplicate keys: an array where one value is expected.
    { weight: 2, arbitrary: fc.array(text, { minLength: 2, maxLength: 3 }) },
    { weight: 1, arbitrary: fileValue.map((file) => [file]) },
  );
}

/**
 * A form built from a valid one: a few fields (now and then all) dropped, replaced by hostile values
 * or repeated with them; unknown and inherited names added.
 */
export function hostileForm(base: Fields, ids: IdGroups, extra: Record<string, readonly string[]> = {}): fc.Arbitrary<Sent> {
  const keys = Object.keys(base);
  const changes = Object.fromEntries(
    keys.map((key) => {
      const validValues = [base[key]].flat();
      const hostile = hostileValue(ids, extra[key] ?? []);
      return [
        key,
        fc.oneof(
          { weight: 1, arbitrary: fc.constant(DROP) },
          { weight: 4, arbitrary: hostile },
          { weight: 1, arbitrary: hostile.map((values) => [...validValues, ...values]) },
        ),
      ];
    }),
  ) as Record<string, fc.Arbitrary<(string | File)[] | typeof DROP>>;
  // Mostly one to three fields changed, so that the other fields let the runs reach the deeper checks.
  const changed = fc.oneof(
    { weight: 1, arbitrary: fc.constant<string[]>([]) },
    { weight: 4, arbitrary: fc.subarray(keys, { minLength: 1, maxLength: 1 }) },
    { weight: 3, arbitrary: fc.subarray(keys, { minLength: 1, maxLength: Math.min(3, keys.length) }) },
    { weight: 1, arbitrary: fc.subarray(keys) },
  );
  const added = fc.oneof(
    { weight: 3, arbitrary: fc.constant<[string, string][]>([]) },
    {
      weight: 1,
      arbitrary: fc.array(fc.tuple(fc.constantFrom(...HOSTILE_KEYS, ...keys), hostileString(ids)), { minLength: 1, maxLength: 3 }),
    },
  );
  return fc.tuple(changed, fc.record(changes), added).map(([names, hostile, extraEntries]) => {
    const entries: Entry[] = [];
    for (const key of keys) {
      const values = names.includes(key) ? hostile[key] : [base[key]].flat();
      if (values !== DROP) for (const value of values) entries.push([key, value]);
    }
    return new Sent([...entries, ...extraEntries]);
  });
}
