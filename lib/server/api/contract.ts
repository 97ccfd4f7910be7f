// The open API's contract (/api/v1): every route's path and query schema and its answer, as zod
// schemas. The route handlers parse and answer with these (handler.ts), and the OpenAPI document is
// generated from the very same objects (openapi.ts) — one source, so the two cannot drift apart.
import "server-only";
import "zod-openapi";
import { z } from "zod";
import { API_SCOPES, type ApiScope } from "@/lib/domain/api/scopes";
import { ApplicationState, CertificateStatus, FilingChannel, ItemKind, MaterialKind } from "@/prisma/generated/enums";

// ---------------------------------------------------------------- shared pieces

const dateTime = z.iso.datetime().meta({ description: "UTC instant, ISO 8601", example: "2026-12-01T02:30:00.000Z" });
const plainDate = z.iso.date().meta({ description: "A calendar day in Beijing time, YYYY-MM-DD", example: "2026-12-08" });

export const ZProblem = z
  .object({
    type: z.string().meta({ description: "URI reference naming the problem type (RFC 9457)", example: "/developers#problem-UNAUTHENTICATED" }),
    title: z.string().meta({ description: "Short human-readable summary (English, or Chinese with Accept-Language: zh)" }),
    status: z.number().int().meta({ example: 401 }),
    code: z.string().meta({ description: "Stable machine-readable code", example: "UNAUTHENTICATED" }),
    detail: z.string().optional().meta({ description: "What exactly was wrong", example: "revoked" }),
    instance: z.string().optional().meta({ description: "The path that was asked for" }),
    errors: z.array(z.object({ in: z.enum(["path", "query"]), name: z.string(), message: z.string() })).optional().meta({ description: "Each invalid parameter (400 only)" }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details (application/problem+json)" });

// The database's own enums: a new state or status appears in the contract and the document with it.
const itemKind = z.enum(ItemKind).meta({ id: "ItemKind", description: "即办件 decided on the spot · 承诺件 within a promised deadline · 上报件 forwarded to a higher authority" });
const named = z.object({ id: z.string(), name: z.string() });

const pageNumber = z.coerce.number().int().min(1).max(1000).optional().meta({ description: "1-based page of 20 items", example: 1 });
const limit = (max: number, dflt: number) => z.coerce.number().int().min(1).max(max).optional().meta({ description: `At most this many rows (default ${dflt})`, example: dflt });

const maskedApplicant = z
  .object({
    name: z.string().meta({ description: "Name (an enterprise's in full, a person's as given)" }),
    idType: z.enum(["RESIDENT_ID", "CREDIT_CODE", "NONE"]),
    id: z.string().meta({ description: "Resident ID or credit code, masked: the first and last four characters only", example: "5116**********0212" }),
  })
  .meta({ id: "MaskedApplicant" });

const certificateRef = z
  .object({
    identifier: z.string().meta({ description: "证照标识 (GB/T 36904); verify it at /api/v1/certificates/{id}/verification" }),
    number: z.string(),
    status: z.enum(CertificateStatus),
  })
  .meta({ id: "CertificateRef" });

// ---------------------------------------------------------------- items and guides

export const ZItemsQuery = z.object({
  q: z.string().max(200).optional().meta({ description: "Search words (everyday terms work: 开饭店, 营业执照); cut to 50 characters", example: "食品经营" }),
  department: z.string().max(40).optional().meta({ description: "A department id (see each item's department.id)" }),
  section: z.string().max(40).optional().meta({ description: "A section id" }),
  kind: itemKind.optional(),
  online: z.enum(["true", "false"]).optional().meta({ description: "true: only items that can be applied for online" }),
  page: pageNumber,
});

export const ZItemSummary = z
  .object({
    code: z.string().meta({ description: "实施编码, the item's implementation code" }),
    name: z.string(),
    version: z.number().int(),
    kind: itemKind,
    department: named.meta({ description: "原职能部门, the department the item came from" }),
    section: named.nullable().meta({ description: "The bureau's section that decides it" }),
    statutoryDays: z.number().int().meta({ description: "法定时限, working days" }),
    promisedDays: z.number().int().meta({ description: "承诺时限, working days (0: decided on the spot)" }),
    visitsRequired: z.number().int(),
    onlineAvailable: z.boolean(),
  })
  .meta({ id: "ItemSummary" });

export const ZItemList = z
  .object({
    items: z.array(ZItemSummary),
    total: z.number().int(),
    page: z.number().int(),
    pages: z.number().int(),
    approximate: z.boolean().meta({ description: "Nothing matched as typed: these are the nearest names" }),
    suggestions: z.array(z.string()).meta({ description: "Did you mean" }),
    queryCut: z.boolean().meta({ description: "The query was longer than 50 characters and was cut" }),
  })
  .meta({ id: "ItemList" });

export const ZItemPath = z.object({ code: z.string().min(1).max(60).meta({ description: "实施编码", example: "11511602MB1234567X4000117001000" }) });

export const ZGuide = z
  .object({
    code: z.string(),
    basicCode: z.string(),
    name: z.string(),
    version: z.number().int(),
    publishedAt: dateTime,
    kind: itemKind,
    department: z.string(),
    section: z.string().nullable(),
    what: z.object({ description: z.string(), eligibility: z.string() }).meta({ description: "公开一: what the item is and who may apply" }),
    legalBasis: z.string().meta({ description: "公开二: 设定依据" }),
    materials: z
      .array(
        z.object({
          name: z.string(),
          kind: z.enum(MaterialKind),
          originalRequired: z.boolean(),
          copies: z.number().int(),
          note: z.string(),
          condition: z.string().meta({ description: "Asked only in this situation (empty: always)" }),
          commitmentOffered: z.boolean().meta({ description: "告知承诺: a signed commitment may replace it" }),
        }),
      )
      .meta({ description: "公开三: materials" }),
    process: z.array(z.string()).meta({ description: "公开四: the steps, in order" }),
    timeLimits: z.object({ statutoryDays: z.number().int(), promisedDays: z.number().int() }).meta({ description: "公开五: time limits in working days" }),
    fees: z
      .object({ note: z.string(), lines: z.array(z.object({ name: z.string(), amountFen: z.number().int(), basis: z.string(), unit: z.string().optional().meta({ description: "计量收费: amountFen is the price of one unit; the quantity is set by the decision" }) })) })
      .meta({ description: "公开六: fees (amounts in fen; paid through the bank, never at the window)" }),
    visitsRequired: z.number().int(),
    onlineAvailable: z.boolean(),
  })
  .meta({ id: "Guide", description: "办事指南: the six disclosures (六公开) of the current published version" });

// ---------------------------------------------------------------- certificate verification

export const ZCertificatePath = z.object({ id: z.string().min(1).max(200).meta({ description: "证照标识, as printed under the QR code", example: "1.2.156.3005.2.11100000000000000X.915116020000000000.A1B2C3D4E5F6G7H8.001.K" }) });

export const ZVerification = z
  .object({
    verdict: z.enum(["valid", "revoked", "cancelled", "suspended", "withdrawn", "replaced", "expired", "not_yet_valid"]),
    identifier: z.string(),
    number: z.string(),
    name: z.string(),
    holder: z.string().meta({ description: "Masked" }),
    holderId: z.string().meta({ description: "Masked" }),
    issuer: z.string(),
    issuedOn: plainDate,
    validFrom: plainDate,
    validTo: plainDate.nullable().meta({ description: "null: 长期 (no end)" }),
    statusChangedAt: dateTime.nullable(),
    statusReason: z.string().nullable(),
    replacedBy: z.string().nullable(),
    replaces: z.string().nullable(),
    seal: z.object({ name: z.string(), archived: z.boolean(), keyId: z.string().nullable(), rsaFingerprint: z.string().nullable(), sm2Fingerprint: z.string().nullable(), demo: z.boolean() }),
    recordSignatureValid: z.boolean().meta({ description: "The SM2 signature over the stored record verifies with the seal's public key" }),
  })
  .meta({ id: "Verification", description: "扫码验真: what anyone may learn of a certificate" });

// ---------------------------------------------------------------- applications, decisions, events

export const ZApplicationPath = z.object({ number: z.string().min(1).max(40).meta({ description: "办件编号", example: "511602-20261201-00001" }) });

const applicationState = z
  .enum(ApplicationState)
  .meta({ id: "ApplicationState" });

export const ZApplicationStatus = z
  .object({
    number: z.string(),
    item: z.object({ code: z.string(), name: z.string() }),
    department: z.object({ code: z.string(), name: z.string() }),
    applicant: maskedApplicant,
    channel: z.enum(FilingChannel),
    state: applicationState,
    submittedAt: dateTime.nullable(),
    acceptedAt: dateTime.nullable(),
    promisedDue: plainDate.nullable(),
    statutoryDue: plainDate.nullable(),
    clockSuspended: z.boolean(),
    provisionalDates: z.boolean().meta({ description: "A due date falls in a year whose holiday notice is not out yet (暂定)" }),
    decision: z.object({ outcome: z.enum(["APPROVED", "DENIED"]), decidedAt: dateTime }).nullable(),
    certificate: certificateRef.nullable(),
  })
  .meta({ id: "ApplicationStatus" });

export const ZDecisionsQuery = z.object({
  after: z.string().max(120).optional().meta({ description: "The `next` cursor of the previous page; omit for the first decision" }),
  limit: limit(200, 50),
});

export const ZDecision = z
  .object({
    number: z.string(),
    item: z.object({ code: z.string(), name: z.string() }),
    applicant: maskedApplicant,
    outcome: z.enum(["APPROVED", "DENIED"]),
    decidedAt: dateTime,
    reason: z.string().nullable().meta({ description: "A denial's reason (null for approvals)" }),
    basis: z.string().nullable().meta({ description: "A denial's legal basis" }),
    certificate: certificateRef.nullable(),
  })
  .meta({ id: "Decision" });

export const ZDecisionPage = z
  .object({
    decisions: z.array(ZDecision),
    next: z.string().nullable().meta({ description: "Pass as `after` next time: the last row's cursor (the one given when nothing is newer; null before the first decision)" }),
    more: z.boolean().meta({ description: "More decisions are waiting: ask again at once" }),
  })
  .meta({ id: "DecisionPage", description: "Decisions on the items of the key's department, oldest first" });

export const ZEventsQuery = z.object({
  after: z
    .string()
    .regex(/^\d{1,19}$/, "a sequence number")
    .optional()
    .meta({ description: "The `sequence` of the last event already processed; omit to start from the first", example: "0" }),
  limit: limit(500, 100),
});

export const ZEvent = z
  .object({
    id: z.string().meta({ description: "Stable event id (the webhook's id too: use it to de-duplicate)" }),
    sequence: z.string().regex(/^\d+$/).meta({ description: "Increasing cursor, as a decimal string" }),
    type: z.string().meta({ example: "decision.approved" }),
    occurredAt: dateTime,
    department: z.object({ code: z.string(), name: z.string() }),
    data: z.record(z.string(), z.unknown()).meta({ description: "The same payload as the signed webhook delivery" }),
  })
  .meta({ id: "DepartmentEvent" });

export const ZEventPage = z
  .object({
    events: z.array(ZEvent),
    next: z.string().regex(/^\d+$/).nullable().meta({ description: "Pass as `after` next time: the last event's sequence (the one given when nothing is newer; null before the first event)" }),
    more: z.boolean().meta({ description: "The page was full: ask again at once" }),
  })
  .meta({ id: "EventPage", description: "The department's events in order — the pull twin of the webhooks" });

// ---------------------------------------------------------------- this document

export const ZOpenApiDocument = z
  .object({
    openapi: z.literal("3.1.0"),
    info: z.object({ title: z.string(), version: z.string() }).loose(),
    paths: z.record(z.string(), z.unknown()),
  })
  .loose()
  .meta({ id: "OpenApiDocument", description: "This OpenAPI 3.1 document" });

// ---------------------------------------------------------------- the routes

export type ApiRouteSpec = {
  operationId: string;
  path: string;
  summary: string;
  description: string;
  tag: "Catalogue" | "Certificates" | "Applications" | "Departments" | "Meta";
  /** "public": no key needed (a key given is still checked); otherwise the scope a key must hold. */
  auth: "public" | ApiScope;
  params?: z.ZodObject;
  query?: z.ZodObject;
  response: z.ZodType;
  /** Problem statuses the route may answer besides 400, 401 and 429 (which every route may). */
  problems: number[];
};

export const API_ROUTES = {
  items: {
    operationId: "listItems",
    path: "/api/v1/items",
    summary: "Search the catalogue (事项清单)",
    description: "Published items, ranked by the portal's catalogue search, 20 a page.",
    tag: "Catalogue",
    auth: "public",
    query: ZItemsQuery,
    response: ZItemList,
    problems: [],
  },
  guide: {
    operationId: "getGuide",
    path: "/api/v1/items/{code}",
    summary: "An item's guide (办事指南)",
    description: "The six disclosures of the item's current published version.",
    tag: "Catalogue",
    auth: "public",
    params: ZItemPath,
    response: ZGuide,
    problems: [404],
  },
  verification: {
    operationId: "verifyCertificate",
    path: "/api/v1/certificates/{id}/verification",
    summary: "Verify a certificate (扫码验真)",
    description: "Status and masked facts of a certificate the bureau issued. Unknown identifiers answer 404; guessing is limited per client.",
    tag: "Certificates",
    auth: "public",
    params: ZCertificatePath,
    response: ZVerification,
    problems: [404],
  },
  application: {
    operationId: "getApplicationStatus",
    path: "/api/v1/applications/{number}",
    summary: "An application's status",
    description: "With an applicant's status token: their own applications only (others answer 404). With a department's key: applications for the department's items (others answer 403).",
    tag: "Applications",
    auth: "applications:read",
    params: ZApplicationPath,
    response: ZApplicationStatus,
    problems: [403, 404],
  },
  decisions: {
    operationId: "listDecisions",
    path: "/api/v1/decisions",
    summary: "Decisions on the department's items",
    description: "Approvals and denials on the items that came from the key's department, oldest first, by cursor.",
    tag: "Departments",
    auth: "decisions:read",
    query: ZDecisionsQuery,
    response: ZDecisionPage,
    problems: [403],
  },
  events: {
    operationId: "listEvents",
    path: "/api/v1/events",
    summary: "Pull the department's events",
    description: "The events the department's webhooks deliver (decisions, issuances, revocations, post-checks), in order after a sequence number.",
    tag: "Departments",
    auth: "events:read",
    query: ZEventsQuery,
    response: ZEventPage,
    problems: [403],
  },
  openapi: {
    operationId: "getOpenApiDocument",
    path: "/api/v1/openapi.json",
    summary: "This document",
    description: "The OpenAPI 3.1 document of /api/v1, generated from the schemas the routes parse and answer with.",
    tag: "Meta",
    auth: "public",
    response: ZOpenApiDocument,
    problems: [],
  },
} as const satisfies Record<string, ApiRouteSpec>;

export { API_SCOPES };
