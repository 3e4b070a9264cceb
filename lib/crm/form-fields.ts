// How a CRM property appears in its entity's CRM form: the control and the form field's name (the
// name the form's zod schema reads). Declared per property in lib/crm/properties.ts.
export type CrmFormField =
  | { control: 'lookup'; name: string }
  | { control: 'number'; name: string; unit?: '%' }
  | { control: 'money'; name: string }
  | { control: 'checkboxes'; name: string; create?: 'newCampaigns' | 'newProducts' }
  | { control: 'checkbox'; name: string }
  | { control: 'text'; name: string }
  | { control: 'date'; name: string }
  /** A date field `name` and an optional time field `${name}Time`, read as one value. */
  | { control: 'dateTime'; name: string };

export const crmFormFields = {
  lookup: <N extends string>(name: N) => ({ control: 'lookup', name }) as const,
  number: <N extends string>(name: N, unit?: '%') => ({ control: 'number', name, unit }) as const,
  money: <N extends string>(name: N) => ({ control: 'money', name }) as const,
  checkboxes: <N extends string, C extends 'newCampaigns' | 'newProducts' | undefined = undefined>(name: N, create?: C) =>
    ({ control: 'checkboxes', name, create: create as C }) as const,
  checkbox: <N extends string>(name: N) => ({ control: 'checkbox', name }) as const,
  text: <N extends string>(name: N) => ({ control: 'text', name }) as const,
  date: <N extends string>(name: N) => ({ control: 'date', name }) as const,
  dateTime: <N extends string>(name: N) => ({ control: 'dateTime', name }) as const,
} satisfies Record<string, (...args: never[]) => CrmFormField>;
