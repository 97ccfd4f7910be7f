// Data as written (names, item titles, departments, notes): kept in its own language on an English
// page and marked so — screen readers read it in Chinese, and the English-rendering test knows it is
// data, not an untranslated label. Text without Chinese is left unmarked.
const HAN = /\p{Script=Han}/u;

/** Props marking an element whose whole content is this data value. */
export function dataLang(value: string | null | undefined): { lang?: string } {
  return value && HAN.test(value) ? { lang: "zh-CN" } : {};
}

export function Data({ children, className }: { children: string | null | undefined; className?: string }) {
  if (!children) return null;
  const lang = dataLang(children);
  return lang.lang || className ? (
    <span {...lang} className={className}>
      {children}
    </span>
  ) : (
    <>{children}</>
  );
}

/** The `<data>` tag of a rich message: the value it wraps is data, marked like <Data>. */
export const dataTag = (chunks: React.ReactNode) => <Data>{String(chunks)}</Data>;

/** A translator whose messages' `<data>` tags mark their values, for code that takes a plain `t`. */
export function withDataTags<R>(t: { rich: (key: string, values: Record<string, string | ((chunks: React.ReactNode) => React.ReactNode)>) => R }) {
  return (key: string, values?: Record<string, string>) => t.rich(key, { ...values, data: dataTag });
}
