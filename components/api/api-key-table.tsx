// The list of API keys (prefix only, never the key): owner, scopes, rate limit, dates, state, and a revoke button.
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm, type FormAction } from "@/components/applications/action-form";
import { Data } from "@/components/ui/data";
import { TableHead } from "@/components/ui/table-head";
import { displayedKey } from "@/lib/domain/api/keys";
import { PER_KEY } from "@/lib/domain/api/rate-limit";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";

export type ListedKey = { id: string; name: string; prefix: string; scopes: string[]; ratePerMinute: number | null; createdAt: Date; revokedAt: Date | null; lastUsedAt: Date | null; department: { name: string } | null };

const SCOPE_LABEL: Record<string, string> = { "applications:read": "applicationsRead", "decisions:read": "decisionsRead", "events:read": "eventsRead" };

export async function ApiKeyTable({ keys, revoke, caption, showOwner, testId }: { keys: ListedKey[]; revoke: FormAction; caption: string; showOwner: boolean; testId: string }) {
  const [t, ts, format] = await Promise.all([getTranslations("api.keys"), getTranslations("api.scopes"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short", timeZone: BUREAU_TIME_ZONE });
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <TableHead columns={[t("name"), t("key"), ...(showOwner ? [t("owner")] : []), t("scopes"), t("rate"), t("created"), t("lastUsed"), t("status"), t("change")]} />
        <tbody>
          {keys.map((k) => (
            <tr key={k.id} className="border-b border-slate-200 align-top" data-testid={`api-key-${k.prefix}`}>
              <td className="py-2 pr-3">
                <Data>{k.name}</Data>
              </td>
              <td className="py-2 pr-3 font-mono">{displayedKey(k.prefix)}</td>
              {showOwner && (
                <td className="py-2 pr-3">
                  <Data>{k.department?.name ?? "—"}</Data>
                </td>
              )}
              <td className="py-2 pr-3">
                <ul>
                  {k.scopes.map((s) => (
                    <li key={s}>{SCOPE_LABEL[s] ? ts(SCOPE_LABEL[s]) : s}</li>
                  ))}
                </ul>
              </td>
              <td className="py-2 pr-3">{k.ratePerMinute ? t("ratePerMinute", { n: k.ratePerMinute }) : t("rateDefault", { n: PER_KEY.max })}</td>
              <td className="py-2 pr-3">{when(k.createdAt)}</td>
              <td className="py-2 pr-3">{k.lastUsedAt ? when(k.lastUsedAt) : t("never")}</td>
              <td className="py-2 pr-3">{k.revokedAt ? `${t("revoked")} ${when(k.revokedAt)}` : t("active")}</td>
              <td className="py-2 pr-3">{!k.revokedAt && <ActionForm action={revoke} fields={{ keyId: k.id }} label={t("revoke")} done={t("revokedDone")} variant="secondary" testId={`revoke-${k.prefix}`} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
