// A due date as every screen shows it: the date, and the "provisional" mark when it was counted
// over a year whose holiday notice is not out yet.
import { getTranslations } from "next-intl/server";
import { ProvisionalMark } from "./provisional-mark";

export async function DueDate({ date, provisional, suffix, testId }: { date: string | null; provisional: boolean; suffix?: string; testId?: string }) {
  if (!date) return <span data-testid={testId}>—</span>;
  const t = await getTranslations("application");
  return (
    <span data-testid={testId}>
      {date}
      {suffix}
      {provisional && <ProvisionalMark label={t("provisional")} hint={t("provisionalHint")} />}
    </span>
  );
}
