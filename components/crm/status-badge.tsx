// A CRM status as the reader sees it everywhere (SPEC section 14): its name, and its colour as a small
// swatch beside it, never as the text's colour, so the name stays readable on any colour. No hooks:
// rendered by server components and by client leaves (the dashboard's group tree) alike.
import type { CSSProperties } from 'react';

const SWATCH: CSSProperties = {
  display: 'inline-block',
  width: '0.75em',
  height: '0.75em',
  borderRadius: '50%',
  border: '1px solid rgba(0, 0, 0, 0.35)',
  marginRight: '0.35em',
  verticalAlign: '-0.05em',
  flex: 'none',
};

/** The colour alone (`#rrggbb`), decorative: the name beside it says the same. */
export function StatusSwatch({ color }: { color: string | null | undefined }) {
  if (!color) return null;
  return <span className="status-swatch" aria-hidden="true" data-color={color} style={{ ...SWATCH, background: color }} />;
}

export function StatusBadge({ name, color }: { name: string; color: string | null | undefined }) {
  return (
    <span className="status-badge">
      <StatusSwatch color={color} />
      {name}
    </span>
  );
}
