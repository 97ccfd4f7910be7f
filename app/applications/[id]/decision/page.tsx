// The decision letter (准予 / 不予行政许可决定书), printable, for the applicant and case staff.
import { OfficialDocument } from "@/components/applications/official-document";
import { SealStamp } from "@/components/applications/seal-stamp";
import { requireSignedIn } from "@/lib/server/auth/current-actor";
import { orAccessPage } from "@/lib/server/http-errors";
import { decisionLetterText } from "@/lib/server/cases/decision-letter";
import { getDecisionLetter } from "@/lib/server/cases/get-decision-letter";

export const metadata = { title: "行政许可决定书" };

export default async function DecisionLetterPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireSignedIn(`/applications/${id}/decision`);
  const letter = await orAccessPage(getDecisionLetter({ actor, applicationId: id }));
  const text = decisionLetterText(letter);
  return (
    <OfficialDocument title={text.title} subtitle={<span data-testid="decision-number">{text.subtitle}</span>} pdfHref={`/applications/${id}/decision.pdf`} testId="decision-letter">
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
      <div className="relative mt-8 text-right">
        {letter.sealed && <SealStamp testId="decision-seal" />}
        <p className="relative">
          {text.signature.map((line) => (
            <span key={line} className="block">
              {line}
            </span>
          ))}
        </p>
      </div>
      {letter.sealed && (
        <p className="text-sm">
          文书验真：
          <a href={`/verify/${letter.sealed.identifier}`} className="text-blue-800 underline" data-testid="decision-verify">
            {letter.sealed.identifier}
          </a>
        </p>
      )}
    </OfficialDocument>
  );
}
