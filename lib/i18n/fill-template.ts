// Fills `{name}` placeholders in a message text the portal already holds (a raw translation, an
// inbox template): missing values become empty rather than leaving the braces in the text.
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return templateParts(template, values)
    .map((p) => p.text)
    .join("");
}

/** The same template as text and values apart, so a page can mark the values (data) by language. */
export function templateParts(template: string, values: Record<string, string | number>): { text: string; value: boolean }[] {
  const parts: { text: string; value: boolean }[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (m.index > last) parts.push({ text: template.slice(last, m.index), value: false });
    parts.push({ text: String(values[m[1]] ?? ""), value: true });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last), value: false });
  return parts;
}
