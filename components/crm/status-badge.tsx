// A CRM status as the reader sees it everywhere (SPEC section 14): its name, and its colour as a small
// swatch beside it, never as the text's colour, so the name stays readable on any colour. No hooks:
// rendered by server components and by client leaves (the dashboard's group tree) alike.
// Its shape is in globals.css (`.status-swatch`): a page of hundreds of rows carries only the colour.

/** The colour alone (`#rrggbb`), decorative: the name beside it says the same. */
export function StatusSwatch({ color }: { color: string | null | undefined }) {
  if (!color) return null;
  // Empty, so nothing is read aloud; as short as it can be, since a board or list draws hundreds.
  return <i className="status-swatch" style={{ background: color }} />;
}

export function StatusBadge({ name, color }: { name: string; color: string | null | undefined }) {
  return (
    <span className="status-badge">
      <StatusSwatch color={color} />
      {name}
    </span>
  );
}
