'use client';
// The address a create answered, shown once: only in that answer, and only while it is still the
// active feed (after a revoke or a newer address on the same page it disappears).
import { useFormState } from '@/components/ui/action-form';
import type { CreatedFeed } from './actions';

export type CreatedAddressWords = {
  address: string;
  copyHint: string;
  howto: string;
  outlook: string;
  thunderbird: string;
  google: string;
};

export function CreatedAddress({ activeSince, words }: { activeSince: number | null; words: CreatedAddressWords }) {
  const { ok, data } = useFormState<CreatedFeed>();
  if (!ok || !data || data.since !== activeSince) return null;
  return (
    <div className="stack feed-address">
      <label htmlFor="feed-address">{words.address}</label>
      {/* A text area shows the whole address (an input would cut it), also on a phone. */}
      <textarea
        id="feed-address"
        readOnly
        rows={3}
        value={data.address}
        spellCheck={false}
        aria-describedby="feed-address-hint"
        onFocus={(event) => event.currentTarget.select()}
      />
      <p id="feed-address-hint" className="muted">
        {words.copyHint}
      </p>
      <h2>{words.howto}</h2>
      <ul>
        <li>{words.outlook}</li>
        <li>{words.thunderbird}</li>
        <li>{words.google}</li>
      </ul>
    </div>
  );
}
