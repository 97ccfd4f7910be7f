// The header row of the portal's data tables.
export function TableHead({ columns }: { columns: React.ReactNode[] }) {
  return (
    <thead>
      <tr className="border-b border-slate-300">
        {columns.map((c, i) => (
          <th key={i} scope="col" className="py-2 pr-3">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}
