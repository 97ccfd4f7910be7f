// A one-field search that submits by GET, so the result is a URL and works without JavaScript.
export function GetSearchForm({
  name,
  label,
  defaultValue,
  button,
  hidden = {},
}: {
  name: string;
  label: string;
  defaultValue?: string;
  button: string;
  hidden?: Record<string, string>;
}) {
  const id = `search-${name}`;
  return (
    <form method="get" className="flex flex-wrap items-end gap-2">
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="font-medium">
          {label}
        </label>
        <input id={id} name={name} defaultValue={defaultValue ?? ""} className="w-72 rounded border border-slate-500 px-3 py-2" />
      </div>
      <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white">
        {button}
      </button>
    </form>
  );
}
