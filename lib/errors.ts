// The one error type the domain and services throw: a stable code the edge maps to a message.

export const ERROR_CODES = [
  /** The database cannot be reached for the moment (restarting, failing over): try again shortly. */
  "UNAVAILABLE",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "NOT_FOUND",
  "VALIDATION",
  "CONFLICT",
  "INVALID_RESIDENT_ID",
  "INVALID_CREDIT_CODE",
  "LOGIN_ID_TAKEN",
  "ACCOUNT_LOCKED",
  "BAD_CREDENTIALS",
  /** The window looked up an applicant by ID and found no account. */
  "APPLICANT_NOT_FOUND",
  /** A one-time code that is wrong, expired, used or tried too often (one answer for all). */
  "CODE_INVALID",
  // Applications: workflow guards, one-time notices, calendar, uploads.
  "TRANSITION_NOT_ALLOWED",
  "ALREADY_HANDLED",
  "MATERIALS_INCOMPLETE",
  "CORE_MATERIAL_MISSING",
  "NOTHING_OWED",
  "EMPTY_CORRECTION_NOTICE",
  "REASON_REQUIRED",
  "NOTICE_ASKS_VISIBLE_BEFORE",
  "CALENDAR_YEAR_MISSING",
  "ITEM_NOT_ONLINE",
  /** 就近办: the item is not delegated to the township centre the clerk works at. */
  "ITEM_NOT_AT_CENTRE",
  "UPLOAD_EMPTY",
  "UPLOAD_TOO_LARGE",
  "UPLOAD_TYPE_NOT_ALLOWED",
  "UPLOAD_NAME_UNSAFE",
  // Back office: decisions, delegations, the clock.
  "CLOCK_SUSPENDED",
  "REVIEW_REQUIRED",
  "NOT_A_REPORTED_ITEM",
  "DELEGATION_REFUSED",
  "EXTENSION_TOO_LONG",
  "SUSPENSION_OVERLAPS",
  "SUSPENSION_ENDS_BEFORE_START",
  "NOT_SUSPENDED",
  "TOO_MANY_ATTEMPTS",
  // Issuance under the seal.
  "MATERIALS_OWED",
  /** 票款分离: the payment notice of the decision is not confirmed paid yet. */
  "FEES_UNPAID",
  "SEAL_NOT_ACTIVE",
  "SEAL_IDENTITY_MISSING",
  "CERTIFICATE_NOT_VALID",
  "CERTIFICATE_REPLACED",
  "DELIVERY_NOT_PENDING",
  "DELIVERY_ADDRESS_REQUIRED",
  /** 好差评: the service is not finished yet (an online filing the bureau has not answered). */
  "NOT_RATEABLE",
  /** 专家评审: fewer experts of the field are eligible (active, no declared conflict) than asked for. */
  "TOO_FEW_EXPERTS",
  // 一件事 bundles: definition, filing, the joint survey and the one delivery.
  "BUNDLE_ITEM_REQUIRED",
  "BUNDLE_ITEM_UNKNOWN",
  "BUNDLE_TOO_SMALL",
  "SURVEY_NOT_NEEDED",
  "SURVEY_NOT_YET",
  "SURVEY_ALREADY_SCHEDULED",
  "BUNDLE_NOT_COMPLETE",
  "BUNDLE_ALREADY_DELIVERED",
  /** A certificate of a bundle is handed over with the bundle's others, not on its own. */
  "BUNDLE_DELIVERS_TOGETHER",
  /** 帮办代办: no confirmed power of attorney from that enterprise. */
  "AGENT_NOT_AUTHORISED",
  // 审管分离: webhook subscriptions of supervising departments.
  /** The URL may not receive events (not http(s), credentials in it, or a private host where not allowed). */
  "WEBHOOK_URL_REFUSED",
  /** Only an ended delivery (failed or delivered) to an active subscription is replayed. */
  "DELIVERY_NOT_REPLAYABLE",
  // 对账差错处理.
  /** The mismatch was closed meanwhile (another administrator, a double click): the first record stands. */
  "MISMATCH_CLOSED",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Field the error is about, so a form can show the message beside it. */
  readonly field?: string;
  readonly details?: Record<string, unknown>;
  /** Several fields at once (field → message key), when a rule check finds more than one problem. */
  readonly fieldErrors?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message?: string,
    opts: { field?: string; details?: Record<string, unknown>; fieldErrors?: Record<string, string> } = {},
  ) {
    super(message ?? code);
    this.name = "AppError";
    this.code = code;
    this.field = opts.field;
    this.details = opts.details;
    this.fieldErrors = opts.fieldErrors;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
