// 一件事: the bundles an applicant can file with one form.
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/notice";
import { Data } from "@/components/ui/data";
import { listBundles } from "@/lib/server/bundles/bundle-definition";

export async function generateMetadata() {
  return { title: (await getTranslations("bundles"))("title") };
}

export default async function BundlesPage() {
  const [t, bundles] = await Promise.all([getTranslations("bundles"), listBundles()]);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      {bundles.length === 0 && <p>{t("none")}</p>}
      <ul className="grid gap-4 md:grid-cols-2" data-testid="bundles">
        {bundles.map((b) => (
          <li key={b.code}>
            <Card
              title={
                <Link href={`/bundles/${encodeURIComponent(b.code)}`} className="text-blue-800 underline">
                  <Data>{b.name}</Data>
                </Link>
              }
            >
              <p className="text-sm">
                <Data>{b.description}</Data>
              </p>
              <p className="mt-2 text-sm text-slate-700">{t("itemCount", { items: b.items, required: b.required })}</p>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
