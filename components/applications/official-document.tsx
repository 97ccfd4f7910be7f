// The frame of a printable official document (receipts, decision letters, delegations): always
// Chinese, with print and PDF buttons that do not print, and the bureau's heading.
import { PrintButton } from "@/components/applications/print-button";

export function OfficialDocument({
  title,
  bureau,
  subtitle,
  printLabel,
  pdfHref,
  testId,
  children,
}: {
  title: string;
  bureau?: string;
  subtitle?: React.ReactNode;
  printLabel: string;
  pdfHref?: string;
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <article lang="zh-CN" className="mx-auto flex max-w-3xl flex-col gap-4 bg-white p-8 leading-8 print:p-0" data-testid={testId}>
      <p className="flex justify-end gap-4 print:hidden">
        <PrintButton label={printLabel} />
        {pdfHref && (
          <a href={pdfHref} className="text-blue-800 underline">
            下载 PDF
          </a>
        )}
      </p>
      <header className="text-center">
        {bureau && <p className="text-lg font-bold">{bureau}</p>}
        <h1 className="text-3xl font-bold tracking-widest">{title}</h1>
        {subtitle && <p className="mt-1">{subtitle}</p>}
      </header>
      {children}
    </article>
  );
}
