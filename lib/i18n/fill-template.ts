// Fills `{name}` placeholders in a message text the portal already holds (a raw translation, an
// inbox template): missing values become empty rather than leaving the braces in the text.
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));
}
