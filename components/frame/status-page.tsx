// A page that explains why there is nothing to show (403, 404) and leads back home.
import Link from "@/components/ui/link";
import { PageTitle } from "@/components/ui/notice";

export function StatusPage({ testId, title, body, backHome }: { testId: string; title: string; body: string; backHome: string }) {
  return (
    <div data-testid={testId}>
      <PageTitle>{title}</PageTitle>
      <p className="mb-4">{body}</p>
      <Link href="/" className="text-blue-800 underline">
        {backHome}
      </Link>
    </div>
  );
}
