// One filing at the window: the clerk completes a walk-in's materials and submits it, checks the
// materials of a submitted filing and decides, and prints the receipt once accepted.
import { getTranslations } from "next-intl/server";
import { ApplicationHeader, ApplicationSummary } from "@/components/applications/application-summary";
import { FilerWorkspace } from "@/components/applications/filer-workspace";
import { IntakeForm, type IntakeDecision } from "@/components/applications/intake-form";
import { editableMaterials, mayFile, mayWorkOnCase } from "@/lib/domain/applications/access";
import { wasAccepted } from "@/lib/domain/workflow/state-facts";
import { ReceiptLinks } from "@/components/applications/receipt-links";
import { can } from "@/lib/domain/access/permissions";
import { PaymentNoticeCard } from "@/components/fees/payment-notice-card";
import { CasePanel } from "@/components/cases/case-panel";
import { getCaseFile } from "@/lib/server/cases/get-case-file";
import { CASE_ACTIONS } from "@/app/office/cases/case-actions-map";
import { Card, Notice } from "@/components/ui/notice";
import { Data } from "@/components/ui/data";
import { creditRecordsOf } from "@/lib/server/commitments/sign-commitment";
import { listReusableFiles } from "@/lib/server/applications/materials";
import { loadApplicationOr404 } from "@/app/applications/load-application";
import { requireArea } from "@/lib/server/auth/current-actor";
import { decideIntakeAction, reissuePaymentNoticeAction, reuseWalkInFileAction, signWalkInCommitmentAction, submitWalkInAction } from "../../actions";
import { dataTag } from "@/components/ui/data";

export async function generateMetadata() {
  return { title: (await getTranslations("titles"))("windowApplication") };
}

const INTAKE_DECISIONS: readonly IntakeDecision[] = ["ACCEPT", "ACCEPT_WITH_DEFICIENCIES", "REQUEST_CORRECTION", "REJECT"];

export default async function WindowApplicationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ upload?: string }> }) {
  const [{ id }, { upload }] = await Promise.all([params, searchParams]);
  const actor = await requireArea("window", `/office/window/applications/${id}`);
  const app = await loadApplicationOr404(actor, id);
  const [t, ti, tf, credit] = await Promise.all([getTranslations("application"), getTranslations("intake"), getTranslations("common"), creditRecordsOf(app.applicantId)]);
  // An instant item is decided here, in the same visit, right after acceptance: the window works on
  // its case (and on no other item's case, which getCaseFile refuses).
  const instantFile = wasAccepted(app.state) && mayWorkOnCase(actor, { item: { sectionId: null }, itemVersion: { kind: app.item.kind }, state: app.state }) ? await getCaseFile({ actor, applicationId: id }) : null;
  const walkInOpen = mayFile(actor, app) && editableMaterials(app.state) !== "none";
  const intake = INTAKE_DECISIONS.filter((d) => app.filingActions.some((o) => o.allowed && o.action === d));
  return (
    <div className="flex flex-col gap-4">
      <ApplicationHeader app={app} back={{ href: "/office/window", label: ti("backToQueue") }} />
      {credit.length > 0 && (
        <Notice kind="error">
          <span data-testid="credit-records">
            {ti("creditRecords")}
            {credit.map((r, i) => (
              <span key={i} className="block">
                {ti(`creditKinds.${r.kind}`)} · <Data>{r.note}</Data>
              </span>
            ))}
          </span>
        </Notice>
      )}
      {intake.length > 0 && (
        <Card title={ti("title")}>
          <IntakeForm
            action={decideIntakeAction}
            applicationId={app.id}
            decisions={intake}
            materials={app.materials.map((m) => ({
              materialId: m.materialId,
              name: m.name,
              kind: m.kind,
              file: m.file ? { href: `/files/${m.file.id}`, name: m.file.originalName } : null,
              notApplicable: m.applicable ? null : ti.rich("notApplicable", { condition: m.condition, data: dataTag }),
              committed: m.commitment ? t.rich("committed", { name: m.commitment.signerName, data: dataTag }) : null,
            }))}
            labels={{
              checklist: ti("checklist"),
              checklistHint: ti("checklistHint"),
              present: ti("present"),
              colon: tf("colon"),
              parenOpen: tf("parenOpen"),
              parenClose: tf("parenClose"),
              problem: ti("problem"),
              decision: ti("decision"),
              ACCEPT: ti("ACCEPT"),
              ACCEPT_WITH_DEFICIENCIES: ti("ACCEPT_WITH_DEFICIENCIES"),
              REQUEST_CORRECTION: ti("REQUEST_CORRECTION"),
              REJECT: ti("REJECT"),
              deficiencyBlocked: ti("deficiencyBlocked"),
              owedDays: ti("owedDays"),
              reason: ti("reason"),
              basis: ti("basis"),
              submit: ti("submit"),
              core: t("core"),
              supplementary: t("supplementary"),
              notGiven: t("notGiven"),
              open: ti("open"),
            }}
          />
        </Card>
      )}
      {walkInOpen ? (
        <FilerWorkspace
          app={app}
          reusable={await listReusableFiles({ actor, applicationId: id })}
          returnTo={`/office/window/applications/${id}`}
          upload={upload}
          actions={{ submit: submitWalkInAction, reuse: reuseWalkInFileAction, commit: signWalkInCommitmentAction }}
        />
      ) : (
        <>
          {app.acceptedAt && <ReceiptLinks applicationId={app.id} />}
          {app.payment && <PaymentNoticeCard notice={app.payment} applicationId={app.id} reissue={can(actor.role, "payments:reissue") ? reissuePaymentNoticeAction : undefined} />}
          {instantFile && <CasePanel file={instantFile} actions={CASE_ACTIONS} />}
          <ApplicationSummary app={app} />
        </>
      )}
    </div>
  );
}
