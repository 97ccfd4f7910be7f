// 证照验真, public: by identifier (the QR code leads to /verify/<identifier>) or by uploading the PDF.
import { getTranslations } from "next-intl/server";
import { VerifyPage } from "./verify-view";

export async function generateMetadata() {
  return { title: (await getTranslations("verify"))("title") };
}

export default async function Page({ searchParams }: { searchParams: Promise<{ identifier?: string | string[] }> }) {
  const { identifier } = await searchParams;
  return <VerifyPage identifier={typeof identifier === "string" && identifier.trim() ? identifier : undefined} />;
}
