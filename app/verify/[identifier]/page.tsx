// The QR code's target: /verify/<identifier>, public.
import { VerifyPage } from "../verify-view";
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("titles"))("verify") };
}

export default async function Page({ params }: { params: Promise<{ identifier: string }> }) {
  const { identifier } = await params;
  return <VerifyPage identifier={decodeURIComponent(identifier)} />;
}
