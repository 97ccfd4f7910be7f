// The text of an inbox message in one language: its kind's template filled with its parameters,
// and the note that its dates are provisional when they were counted over a provisional year.
import { templateParts } from "./fill-template";

export type InboxTemplates = { kinds: Record<string, string>; provisionalNote: string };

export function inboxText(templates: InboxTemplates, kind: string, params: Record<string, string>): string {
  return inboxParts(templates, kind, params)
    .map((p) => p.text)
    .join("");
}

/** The same message as parts: the template's words, and the values (item names, numbers) apart. */
export function inboxParts(templates: InboxTemplates, kind: string, params: Record<string, string>): { text: string; value: boolean }[] {
  const parts = templateParts(templates.kinds[kind] ?? kind, params);
  return params.provisional === "1" ? [...parts, { text: templates.provisionalNote, value: false }] : parts;
}
