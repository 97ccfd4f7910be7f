// The "← back" line at the top of a page.
import Link from "@/components/ui/link";

export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <p>
      <Link href={href} className="text-blue-800 underline">
        ← {children}
      </Link>
    </p>
  );
}
