// Where to print or download an accepted application's receipt (受理通知书).
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/notice";

export async function ReceiptLinks({ applicationId }: { applicationId: string }) {
  const t = await getTranslations("application");
  return (
    <Card title={t("receipt")}>
      <p className="flex flex-wrap gap-4">
        <Link href={`/applications/${applicationId}/receipt`} className="text-blue-800 underline" data-testid="receipt-link">
          {t("receiptPage")}
        </Link>
        <a href={`/applications/${applicationId}/receipt.pdf`} className="text-blue-800 underline" data-testid="receipt-pdf-link">
          {t("receiptPdf")}
        </a>
      </p>
    </Card>
  );
}
