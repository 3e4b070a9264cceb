// The fields of the ticket form, shared by "Neues Ticket" and the edit form of a ticket.
import { searchContactsAction, searchPartnersAction } from '@/app/(app)/picker-actions';
import { SelectField, TextField } from '@/components/ui/fields';
import type { Translate } from '@/lib/i18n';
import type { PickerOption } from '@/lib/picker';
import type { TicketPickerMatches } from '@/lib/tickets/form-choices';
import { DESCRIPTION_MAX, TITLE_MAX } from '@/lib/tickets/schemas';
import { EntityPicker } from '@/components/ui/entity-picker';

export type TicketFieldValues = {
  title: string;
  description: string;
  partner: PickerOption | null;
  contact: PickerOption | null;
  /** A user id as text, '' for nobody. */
  assigneeId: string;
};

/** The picker's words in the reader's language. */
export function pickerLabels(t: Translate, label: string) {
  return {
    label,
    none: t('picker.none'),
    search: t('picker.search'),
    searchIn: t('picker.searchIn', { label }),
    noResults: t('picker.noResults'),
    clear: t('picker.clear'),
    hint: t('picker.hint'),
  };
}

export function TicketFields({
  t,
  values,
  matches,
  assignees,
  searchHref,
}: {
  t: Translate;
  values: TicketFieldValues;
  matches: TicketPickerMatches;
  assignees: { id: number; name: string }[];
  /** The page the pickers' no-JavaScript search submits the whole form to. */
  searchHref: string;
}) {
  return (
    <>
      <TextField name="title" label={t('tickets.title')} defaultValue={values.title} required maxLength={TITLE_MAX} />
      <TextField
        name="description"
        label={t('tickets.description')}
        defaultValue={values.description}
        maxLength={DESCRIPTION_MAX}
        multiline
      />
      <EntityPicker
        name="partnerId"
        queryName="partnerQuery"
        selected={values.partner}
        options={matches.partners}
        query={matches.partnerQuery}
        searchHref={searchHref}
        search={searchPartnersAction}
        labels={pickerLabels(t, t('tickets.partner'))}
      />
      <EntityPicker
        name="contactId"
        queryName="contactQuery"
        selected={values.contact}
        options={matches.contacts}
        query={matches.contactQuery}
        searchHref={searchHref}
        search={searchContactsAction}
        scopeField="partnerId"
        labels={pickerLabels(t, t('tickets.contact'))}
      />
      <SelectField
        name="assigneeId"
        label={t('tickets.assignee')}
        options={[
          { value: '', label: t('tickets.noAssignee') },
          ...assignees.map((user) => ({ value: String(user.id), label: user.name })),
        ]}
        defaultValue={values.assigneeId}
      />
    </>
  );
}
