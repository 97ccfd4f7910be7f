"use client";
// Opens the browser's print dialog for a printable page.
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded bg-brand px-4 py-1 text-white">
      {label}
    </button>
  );
}
