// Inline messages: errors are announced (role=alert), confirmations are polite (role=status).
export function Notice({ kind, children }: { kind: "error" | "success" | "info"; children: React.ReactNode }) {
  const styles = {
    error: "border-red-700 bg-red-50 text-red-900",
    success: "border-green-700 bg-green-50 text-green-900",
    info: "border-slate-400 bg-white text-slate-900",
  }[kind];
  return (
    <div role={kind === "error" ? "alert" : "status"} className={`rounded border-l-4 p-3 ${styles}`}>
      {children}
    </div>
  );
}

export function PageTitle({ children }: { children: React.ReactNode }) {
  return <h1 className="mb-4 text-2xl font-bold">{children}</h1>;
}

export function Card({ title, children }: { title?: React.ReactNode; children: React.ReactNode }) {
  return (
    <section className="rounded border border-slate-200 bg-white p-5 shadow-sm">
      {title && <h2 className="mb-3 text-lg font-semibold">{title}</h2>}
      {children}
    </section>
  );
}
