"use client";
// A submit button that shows it is working and cannot be pressed twice while the form is pending.
import { useFormStatus } from "react-dom";

const STYLES = {
  primary: "rounded bg-brand px-5 py-2 font-medium text-white hover:bg-brand-dark disabled:opacity-70",
  secondary: "rounded border border-brand bg-white px-3 py-1 text-sm text-brand hover:bg-red-50 disabled:opacity-70",
};

export function SubmitButton({ children, variant = "primary" }: { children: React.ReactNode; variant?: keyof typeof STYLES }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={STYLES[variant]}
    >
      {children}
    </button>
  );
}
