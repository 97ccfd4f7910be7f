// 授权书: one delegation as a printable document (Chinese, whatever the page language).
import { notFound } from "next/navigation";
import { OfficialDocument } from "@/components/applications/official-document";
import { BUREAU } from "@/lib/bureau";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { requireSignedIn } from "@/lib/server/auth/current-actor";
import { orAccessPage } from "@/lib/server/http-errors";
import { listDelegations } from "@/lib/server/delegations/list-delegations";

export const metadata = { title: "授权书" };

const ROLE_NAMES: Record<string, string> = { CLERK: "窗口工作人员", REVIEWER: "审批科室经办人", CHIEF: "审批科室科长" };

export default async function DelegationDocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireSignedIn(`/office/delegations/${id}`);
  const [d] = await orAccessPage(listDelegations({ actor, id }));
  if (!d) notFound();
  const grantee = d.grantee.kind === "user" ? `${d.grantee.name}（工号 ${d.grantee.loginId}）` : `本局全体${ROLE_NAMES[d.grantee.role] ?? d.grantee.role}`;
  const scope = d.scope === "INSTANT_ONLY" ? "即办件" : "即办件和承诺件";
  return (
    <OfficialDocument title="授权书" bureau={BUREAU.name} subtitle={<span data-testid="delegation-number">{d.number}</span>} testId="delegation-document">
      <p>{grantee}：</p>
      <p className="indent-8">
        根据《中华人民共和国行政许可法》和本局“一枚印章管审批”工作规则，现授权你自 {d.validFrom} 起至 {d.validTo} 止，对下列事项中的{scope}作出准予或不予行政许可的决定，并以本局名义出具决定书：
      </p>
      <ul className="list-disc pl-10">
        {d.sections.map((s) => (
          <li key={s}>{s}承办的全部事项</li>
        ))}
        {d.items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
      <p className="indent-8">超出上述范围、期限或者授权被撤销后，不得以本授权作出决定，应报局长决定。上报件不在授权范围内。</p>
      {d.note && <p className="indent-8">备注：{d.note}</p>}
      {d.revokedAt && (
        <p className="rounded border border-red-700 p-2 text-red-900" data-testid="delegation-revoked">
          本授权已于 {toPlainDate(d.revokedAt)} 撤销（{d.revokedBy}）：{d.revokeReason}
        </p>
      )}
      <p className="mt-8 text-right">
        {BUREAU.name}
        <br />
        局长：{d.grantedBy}
        <br />
        {toPlainDate(d.createdAt)}
      </p>
    </OfficialDocument>
  );
}
