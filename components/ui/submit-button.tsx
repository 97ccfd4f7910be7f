"use client";
// A submit button that shows it is working and cannot be pressed twice while the form is pending.
import { useFormStatus } from "react-dom";

export function SubmitButton({ children }: { children: React.ReactNode }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className="rounded bg-brand px-5 py-2 font-medium text-white hover:bg-brand-dark disabled:opacity-70"
    >
      {children}
    </button>
  );
}
