// How a CRM property appears in its entity's CRM form: the control and the form field's name (the
// name the form's zod schema reads). Declared per property in lib/crm/properties.ts.
export type CrmFormField =
  | { control: 'lookup'; name: string }
  | { control: 'number'; name: string; unit?: '%' }
  | { control: 'money'; name: string }
  | { control: 'checkboxes'; name: string; create?: 'newCampaigns' | 'newProducts' }
  | { control: 'checkbox'; name: string }
  | { control: 'text'; name: string };

export const crmFormFields = {
  lookup: (name: string) => ({ control: 'lookup', name }) as const,
  number: (name: string, unit?: '%') => ({ control: 'number', name, unit }) as const,
  money: (name: string) => ({ control: 'money', name }) as const,
  checkboxes: (name: string, create?: 'newCampaigns' | 'newProducts') => ({ control: 'checkboxes', name, create }) as const,
  checkbox: (name: string) => ({ control: 'checkbox', name }) as const,
  text: (name: string) => ({ control: 'text', name }) as const,
} satisfies Record<string, (...args: never[]) => CrmFormField>;
