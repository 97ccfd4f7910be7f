// What the portal accepts as an uploaded material: the rules are checked before a byte is stored.

export const UPLOAD_LIMITS = {
  /** Per file. Scans of a 20-page contract at 200 dpi stay well below this. */
  maxBytes: 10 * 1024 * 1024,
  maxNameLength: 120,
} as const;

export const UPLOAD_TYPES = {
  pdf: { mime: "application/pdf", extensions: [".pdf"] },
  jpeg: { mime: "image/jpeg", extensions: [".jpg", ".jpeg"] },
  png: { mime: "image/png", extensions: [".png"] },
} as const;
export type UploadType = keyof typeof UPLOAD_TYPES;

export type UploadProblem = "UPLOAD_EMPTY" | "UPLOAD_TOO_LARGE" | "UPLOAD_TYPE_NOT_ALLOWED" | "UPLOAD_NAME_UNSAFE";

/**
 * A file name is only a label, never a path: anything that could climb directories or hide
 * (separators, `..`, control characters, a leading dot) is refused outright, not cleaned up.
 */
export function fileNameProblem(name: string): UploadProblem | null {
  if (name.length === 0 || name.length > UPLOAD_LIMITS.maxNameLength) return "UPLOAD_NAME_UNSAFE";
  if (/[/\\:\0]/.test(name) || name.includes("..") || name.startsWith(".")) return "UPLOAD_NAME_UNSAFE";
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return "UPLOAD_NAME_UNSAFE";
  return null;
}

/** The type a file's name claims, by extension. */
export function typeOfName(name: string): UploadType | null {
  const lower = name.toLowerCase();
  for (const [type, spec] of Object.entries(UPLOAD_TYPES) as [UploadType, (typeof UPLOAD_TYPES)[UploadType]][]) {
    if (spec.extensions.some((ext) => lower.endsWith(ext))) return type;
  }
  return null;
}

/** The type the first bytes prove (magic numbers); a renamed .exe is not a PDF. */
export function typeOfContent(head: Uint8Array): UploadType | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "pdf"; // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return "jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "png";
  return null;
}

/** Checks that need no content: name and declared size. */
export function uploadProblemBeforeReading(name: string, declaredSize: number): UploadProblem | null {
  const nameProblem = fileNameProblem(name);
  if (nameProblem) return nameProblem;
  if (!typeOfName(name)) return "UPLOAD_TYPE_NOT_ALLOWED";
  if (declaredSize > UPLOAD_LIMITS.maxBytes) return "UPLOAD_TOO_LARGE";
  return null;
}

/** Checks on the content itself: its real size and that its bytes are what its name says. */
export function uploadProblemOfContent(name: string, size: number, head: Uint8Array): UploadProblem | null {
  if (size === 0) return "UPLOAD_EMPTY";
  if (size > UPLOAD_LIMITS.maxBytes) return "UPLOAD_TOO_LARGE";
  const claimed = typeOfName(name);
  const actual = typeOfContent(head);
  if (!claimed || !actual || claimed !== actual) return "UPLOAD_TYPE_NOT_ALLOWED";
  return null;
}
