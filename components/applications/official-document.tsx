// The frame of a printable official document (receipts, decision letters, delegations): the document
// is always Chinese (marked so); the print and PDF buttons above it are in the page's language and
// do not print.
import { getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/applications/print-button";

export async function OfficialDocument({
  title,
  bureau,
  subtitle,
  pdfHref,
  testId,
  children,
}: {
  title: string;
  bureau?: string;
  subtitle?: React.ReactNode;
  pdfHref?: string;
  testId: string;
  children: React.ReactNode;
}) {
  const t = await getTranslations("document");
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-2">
      <p className="flex justify-end gap-4 print:hidden">
        <PrintButton label={t("print")} />
        {pdfHref && (
          <a href={pdfHref} className="text-blue-800 underline">
            {t("pdf")}
          </a>
        )}
      </p>
      <article lang="zh-CN" className="flex flex-col gap-4 bg-white p-8 leading-8 print:p-0" data-testid={testId}>
      <header className="text-center">
        {bureau && <p className="text-lg font-bold">{bureau}</p>}
        <h1 className="text-3xl font-bold tracking-widest">{title}</h1>
        {subtitle && <p className="mt-1">{subtitle}</p>}
      </header>
      {children}
      </article>
    </div>
  );
}
