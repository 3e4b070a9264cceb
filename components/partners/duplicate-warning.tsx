'use client';
// The duplicate check's answer inside the create form: the similar partners, as links to check them,
// and the "trotzdem anlegen" tick that lets the next save create the partner all the same.
import Link from 'next/link';
import { useId } from 'react';
import { useFormState } from '@/components/ui/action-form';
import type { CreatePartnerState, SimilarPartners } from '@/lib/partners/schemas';

export function DuplicateWarning({ labels }: { labels: { title: string; text: string; force: string } }) {
  const state: CreatePartnerState = useFormState<SimilarPartners>();
  const id = useId();
  const similar = state.data?.similar ?? [];
  const ticked = !state.ok && state.values?.force === 'on';
  // Kept after a later refusal for another reason, so the tick is not silently lost.
  if (similar.length === 0 && !ticked) return null;
  const error = state.fieldErrors?.force;
  return (
    <section className="duplicate-warning" aria-labelledby={similar.length > 0 ? `${id}-title` : undefined}>
      {similar.length > 0 && (
        <>
          <h2 id={`${id}-title`}>{labels.title}</h2>
          <p>{labels.text}</p>
          <ul>
            {similar.map((partner) => (
              <li key={partner.id}>
                <Link href={`/partners/${partner.id}`}>{partner.name}</Link> (
                {partner.city ? `${partner.gpid}, ${partner.city}` : partner.gpid})
              </li>
            ))}
          </ul>
        </>
      )}
      <label className="checkbox">
        <input
          key={String(ticked)}
          type="checkbox"
          name="force"
          defaultChecked={ticked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {labels.force}
      </label>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </section>
  );
}
