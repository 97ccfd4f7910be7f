// The applicant's inbox: one message for every change of state of their applications.
import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/applications/action-form";
import { Card, PageTitle } from "@/components/ui/notice";
import { listHref, Pager } from "@/components/ui/pager";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { inboxParts } from "@/lib/i18n/inbox-text";
import { listMessages } from "@/lib/server/applications/messages";
import { requireArea } from "@/lib/server/auth/current-actor";
import { markMessagesReadAction } from "../actions";
import { Data } from "@/components/ui/data";

export async function generateMetadata() {
  return { title: (await getTranslations("titles"))("messages") };
}

export default async function MessagesPage({ searchParams }: { searchParams: Promise<{ after?: string | string[] }> }) {
  const actor = await requireArea("my", "/my/messages");
  const { after: raw } = await searchParams;
  const after = typeof raw === "string" ? raw : undefined;
  const [t, tc, format, inbox] = await Promise.all([getTranslations("inbox"), getTranslations("case"), getFormatter(), listMessages({ actor, after })]);
  const messages = inbox.rows;
  const templates = { kinds: t.raw("kinds") as Record<string, string>, provisionalNote: t.raw("provisionalNote") as string };
  const text = (kind: string, params: Record<string, string>) => inboxParts(templates, kind, params).map((p, i) => (p.value ? <Data key={i}>{p.text}</Data> : p.text));
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>{t("title")}</PageTitle>
      {messages.some((m) => !m.readAt) && <ActionForm action={markMessagesReadAction} fields={{}} label={t("markRead")} />}
      <Card>
        {messages.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-200" data-testid="messages">
            {messages.map((m) => (
              <li key={m.id} className="py-3">
                <p className="text-sm text-slate-700">
                  {format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone: BUREAU_TIME_ZONE })}
                  {!m.readAt && <span className="ml-2 rounded bg-amber-100 px-1 text-amber-950">{t("unread")}</span>}
                </p>
                <p>{text(m.kind, m.params)}</p>
                {m.applicationId && (
                  <Link href={`/my/applications/${m.applicationId}`} className="text-sm text-blue-800 underline">
                    {t("open")}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}
        <Pager href={(a) => listHref("/my/messages", { after: a })} after={after} next={inbox.next} labels={{ first: tc("pager.first"), next: tc("pager.next") }} testId="messages-pager" />
      </Card>
    </div>
  );
}
