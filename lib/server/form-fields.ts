// A form's flat fields as a service's input: the fields named `<prefix><key>` (the filing form's
// `f.<field>`, the rating form's `aspect.<aspect>`, the decision form's `quantities.<line>`, the
// intake form's `problem.<material>`) gathered into one record by key; the other fields as they are.
// Only text values (a file is never part of such an input).

export function groupedFields(fd: FormData, prefix: string): { fields: Record<string, string>; group: Record<string, string> } {
  const fields: Record<string, string> = {};
  const group: Record<string, string> = {};
  for (const [name, value] of fd.entries()) {
    if (typeof value !== "string") continue;
    if (name.startsWith(prefix)) group[name.slice(prefix.length)] = value;
    else fields[name] = value;
  }
  return { fields, group };
}
