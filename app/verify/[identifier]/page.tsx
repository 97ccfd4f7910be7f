// The QR code's target: /verify/<identifier>, public.
import { VerifyPage } from "../verify-view";

export const metadata = { title: "证照验真" };

export default async function Page({ params }: { params: Promise<{ identifier: string }> }) {
  const { identifier } = await params;
  return <VerifyPage identifier={decodeURIComponent(identifier)} />;
}
