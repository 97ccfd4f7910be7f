// The one check for every place that sends the browser on to a path it was given (the sign-in's
// callbackUrl, an upload's returnTo): only a path on this site. Browsers drop tabs and newlines from
// URLs and read a backslash as a slash, so "/\t/evil.example" and "/\\evil.example" become
// "//evil.example" — another site. Anything with a control character, a backslash, or that a URL
// parser resolves to another origin is refused, and the fallback is used instead.

const BASE = "http://local.invalid";

export function localPath(raw: unknown, fallback: string): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//")) return fallback;
  // Control characters (incl. tab, CR, LF, NUL, DEL) and backslashes anywhere.
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
