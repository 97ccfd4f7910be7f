// Keyset paging links: back to the first page, and on to the next one. The filters stay in the URL.
import Link from "@/components/ui/link";

export function Pager({ href, after, next, labels, testId }: { href: (after?: string) => string; after?: string; next: string | null; labels: { first: string; next: string }; testId?: string }) {
  if (!after && !next) return null;
  return (
    <nav className="mt-3 flex gap-4" aria-label={labels.next} data-testid={testId}>
      {after && (
        <Link href={href()} className="text-blue-800 underline">
          {labels.first}
        </Link>
      )}
      {next && (
        <Link href={href(next)} className="text-blue-800 underline" rel="next">
          {labels.next}
        </Link>
      )}
    </nav>
  );
}

/** A list page's URL: its path and every set parameter (empty ones left out). */
export function listHref(path: string, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "")).toString();
  return q ? `${path}?${q}` : path;
}
