'use client';
// The optional next action of a row's "Erledigt" form, folded away until wanted; open again after a
// refusal, so the message and the typed values show, with or without JavaScript.
import { TextField } from '@/components/ui/fields';
import { useFormState } from '@/components/ui/action-form';

export function NextActionFields({ words }: { words: { summary: string; date: string; time: string; text: string } }) {
  const state = useFormState();
  return (
    <details className="followup-next" open={state.error ? true : undefined}>
      <summary>{words.summary}</summary>
      <div className="row">
        <TextField name="nextAction" label={words.date} type="date" />
        <TextField name="nextActionTime" label={words.time} type="time" />
      </div>
      <TextField name="nextActionText" label={words.text} maxLength={2000} />
    </details>
  );
}
