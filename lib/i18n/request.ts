// next-intl request config: the locale comes from a cookie, not from the URL.
import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { LOCALE_COOKIE, toLocale } from "./config";

export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const messages = (await import(`./messages/${locale}.json`)).default;
  return { locale, messages, timeZone: BUREAU_TIME_ZONE };
});
