// Input schemas of catalogue administration (edit-and-publish, import).
import { z } from "zod";

const int = (min: number, max: number) => z.coerce.number({ message: "item.number" }).int("item.number").min(min, "item.number").max(max, "item.number");

export const ZMaterialInput = z.object({
  name: z.string().trim().min(1, "item.materialName").max(200),
  kind: z.enum(["CORE", "SUPPLEMENTARY"]),
  originalRequired: z.boolean(),
  copies: int(1, 20),
  note: z.string().trim().max(500).default(""),
  templateUrl: z.string().trim().max(500).refine((v) => v === "" || v.startsWith("/") || /^https?:\/\//.test(v), "item.templateUrl").default(""),
  /** When it is asked for, e.g. 委托他人办理; empty = always. */
  condition: z.string().trim().max(100).default(""),
  /** 告知承诺: the commitment an applicant may sign instead of giving this material; empty = none. */
  commitmentText: z.string().trim().max(1000, "item.commitmentText").default(""),
});

export const ZPublishItemVersionInput = z.object({
  implementationCode: z.string().min(1),
  /** The version the editor started from: publishing over a newer one is refused (CONFLICT). */
  baseVersion: z.coerce.number().int().min(1),
  name: z.string().trim().min(2, "name.tooShort").max(300, "name.tooLong"),
  kind: z.enum(["INSTANT", "PROMISED", "REPORTED"]),
  description: z.string().trim().max(4000).default(""),
  eligibility: z.string().trim().max(4000).default(""),
  legalBasis: z.string().trim().max(4000),
  processSteps: z.array(z.string().trim().min(1).max(500)).min(1, "item.processRequired").max(30),
  statutoryDays: int(0, 365),
  promisedDays: int(0, 365),
  feeNote: z.string().trim().min(1, "item.feeRequired").max(1000),
  visitsRequired: int(0, 10),
  onlineAvailable: z.boolean(),
  demoValues: z.boolean(),
  changeNote: z.string().trim().min(2, "item.changeNoteRequired").max(1000),
  materials: z.array(ZMaterialInput).max(60),
  /** Application-form fields, one per line: "label | kind | required" (parsed by the service). */
  formFieldSpec: z.string().max(4000).default(""),
  /** Fee lines, one per line: "name | amount in yuan | legal basis" (parsed by the service). */
  feeLineSpec: z.string().max(4000).default(""),
  /** The item's certificate-number prefix (e.g. 广安审批食经); unchanged when absent. */
  certificatePrefix: z.string().trim().max(40).optional(),
  /** Years a certificate issued under this version is valid; 0 = 长期. */
  certificateValidityYears: int(0, 50).default(5),
});
/** Raw input (form strings allowed): the service parses it. */
export type TPublishItemVersionInput = z.input<typeof ZPublishItemVersionInput>;

/** The edit form's flat fields → the schema's shape (material rows are `m.<n>.<field>`; blank rows are dropped). */
export function publishFormToInput(fd: FormData): TPublishItemVersionInput {
  const get = (k: string) => String(fd.get(k) ?? "");
  const rows = new Set<number>();
  for (const key of fd.keys()) {
    const m = /^m\.(\d+)\./.exec(key);
    if (m) rows.add(Number(m[1]));
  }
  const materials = [...rows]
    .sort((a, b) => a - b)
    .map((n) => ({
      name: get(`m.${n}.name`),
      kind: get(`m.${n}.kind`) as "CORE" | "SUPPLEMENTARY", // checked by the schema
      originalRequired: fd.get(`m.${n}.original`) === "on",
      copies: get(`m.${n}.copies`) || "1",
      note: get(`m.${n}.note`),
      templateUrl: get(`m.${n}.templateUrl`),
      condition: get(`m.${n}.condition`),
      commitmentText: get(`m.${n}.commitmentText`),
    }))
    .filter((m) => m.name.trim() !== "");
  return {
    implementationCode: get("implementationCode"),
    baseVersion: get("baseVersion"),
    name: get("name"),
    kind: get("kind") as TPublishItemVersionInput["kind"], // checked by the schema
    description: get("description"),
    eligibility: get("eligibility"),
    legalBasis: get("legalBasis"),
    processSteps: get("processSteps").split(/\r?\n/).map((s) => s.trim()).filter(Boolean),
    formFieldSpec: get("formFieldSpec"),
    feeLineSpec: get("feeLineSpec"),
    statutoryDays: get("statutoryDays"),
    promisedDays: get("promisedDays"),
    feeNote: get("feeNote"),
    visitsRequired: get("visitsRequired"),
    onlineAvailable: fd.get("onlineAvailable") === "on",
    demoValues: fd.get("demoValues") === "on",
    changeNote: get("changeNote"),
    certificatePrefix: get("certificatePrefix") || undefined,
    certificateValidityYears: get("certificateValidityYears") || "5",
    materials,
  };
}
