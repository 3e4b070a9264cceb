// A query string as hidden fields: what a GET form or an action carries of the page it came from.
export function HiddenParams({ search }: { search: string }) {
  return (
    <>
      {[...new URLSearchParams(search)].map(([name, value], index) => (
        <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}
