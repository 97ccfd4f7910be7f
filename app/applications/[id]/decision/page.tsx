// The decision letter (准予 / 不予行政许可决定书), printable, for the applicant and case staff.
import { notFound, redirect } from "next/navigation";
import { PrintButton } from "@/components/applications/print-button";
import { isAppError } from "@/lib/errors";
import { currentActor } from "@/lib/server/auth/current-actor";
import { decisionLetterText } from "@/lib/server/cases/decision-letter";
import { getDecisionLetter } from "@/lib/server/cases/case-queries";

export const metadata = { title: "行政许可决定书" };

export default async function DecisionLetterPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(`/applications/${id}/decision`)}`);
  const letter = await getDecisionLetter({ actor, applicationId: id }).catch((e) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const text = decisionLetterText(letter);
  return (
    <article lang="zh-CN" className="mx-auto flex max-w-3xl flex-col gap-4 bg-white p-8 leading-8 print:p-0" data-testid="decision-letter">
      <p className="flex justify-end gap-4 print:hidden">
        <PrintButton label="打印决定书" />
        <a href={`/applications/${id}/decision.pdf`} className="text-blue-800 underline">
          下载 PDF
        </a>
      </p>
      <header className="text-center">
        <h1 className="text-3xl font-bold tracking-widest">{text.title}</h1>
        <p>办件编号：{letter.number}</p>
      </header>
      <p>{text.addressee}</p>
      {text.body.map((p) => (
        <p key={p} className="indent-8">
          {p}
        </p>
      ))}
      <p className="indent-8">{text.remedies}</p>
      <p className="text-sm text-slate-700" data-testid="decision-authority">
        {text.authority}
      </p>
      <p className="mt-8 text-right">
        {text.signature.map((line) => (
          <span key={line} className="block">
            {line}
          </span>
        ))}
      </p>
    </article>
  );
}
