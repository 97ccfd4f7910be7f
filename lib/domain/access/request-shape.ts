// What no request to the portal may carry, whatever it asks for: control characters (a NUL byte
// reaching PostgreSQL is an error there) or malformed percent-encoding in its path or query, and a
// query parameter given twice (every page reads one value per name). Refused up front as 400.

export type RequestProblem = "MALFORMED_ENCODING" | "CONTROL_CHARACTER" | "REPEATED_PARAMETER";

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function requestProblem(pathname: string, search: string): RequestProblem | null {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return "MALFORMED_ENCODING";
  }
  if (CONTROL.test(path) || /[\r\n\t]/.test(path)) return "CONTROL_CHARACTER";
  const query = search.startsWith("?") ? search.slice(1) : search;
  const seen = new Set<string>();
  for (const pair of query ? query.split("&") : []) {
    if (!pair) continue;
    const at = pair.indexOf("=");
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent((at < 0 ? pair : pair.slice(0, at)).replace(/\+/g, " "));
      value = at < 0 ? "" : decodeURIComponent(pair.slice(at + 1).replace(/\+/g, " "));
    } catch {
      return "MALFORMED_ENCODING";
    }
    if (CONTROL.test(key) || CONTROL.test(value)) return "CONTROL_CHARACTER";
    if (seen.has(key)) return "REPEATED_PARAMETER";
    seen.add(key);
  }
  return null;
}
