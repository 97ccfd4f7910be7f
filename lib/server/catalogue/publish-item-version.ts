// An administrator publishes the next version of an item; published versions never change.
import "server-only";
import { parseFormFieldSpec } from "@/lib/domain/catalogue/form-fields";
import { parseFeeLines } from "@/lib/domain/fees/fees";
import { itemVersionProblems } from "@/lib/domain/catalogue/item-version";
import { numberPrefixProblem } from "@/lib/domain/certificates/certificate-number";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { db } from "@/lib/server/db";
import { Prisma } from "@/prisma/generated/client";
import { ZPublishItemVersionInput, type TPublishItemVersionInput } from "./schemas";

export async function publishItemVersion(opts: { actor: Actor | null; input: TPublishItemVersionInput }) {
  const actor = await requirePermission(opts.actor, "catalogue:administer", "publishItemVersion");
  const input = ZPublishItemVersionInput.parse(opts.input);
  const form = parseFormFieldSpec(input.formFieldSpec);
  if (form.problems.length) {
    const first = form.problems[0];
    throw new AppError("VALIDATION", `item.formFields.${first.code}`, { fieldErrors: { formFieldSpec: `item.formFields.${first.code}` }, details: { line: first.line } });
  }
  const fees = parseFeeLines(input.feeLineSpec);
  if (fees.problems.length) {
    const first = fees.problems[0];
    throw new AppError("VALIDATION", `item.feeLines.${first.code}`, { fieldErrors: { feeLineSpec: `item.feeLines.${first.code}` }, details: { line: first.line } });
  }
  if (input.certificatePrefix !== undefined && numberPrefixProblem(input.certificatePrefix)) {
    throw new AppError("VALIDATION", "item.certificatePrefix", { fieldErrors: { certificatePrefix: "item.certificatePrefix" } });
  }
  const problems = itemVersionProblems(input);
  if (problems.length) {
    throw new AppError("VALIDATION", `item.${problems[0].code}`, {
      fieldErrors: Object.fromEntries(problems.map((p) => [p.field, `item.${p.code}`])),
    });
  }
  try {
    return await db().$transaction(async (tx) => {
      const item = await tx.item.findUnique({ where: { implementationCode: input.implementationCode }, include: { currentVersion: true } });
      if (!item?.currentVersion) throw new AppError("NOT_FOUND");
      if (item.currentVersion.version !== input.baseVersion) throw new AppError("CONFLICT");
      const next = input.baseVersion + 1;
      const { implementationCode: _c, baseVersion: _b, materials, formFieldSpec: _f, feeLineSpec: _fee, certificatePrefix, ...fields } = input;
      if (certificatePrefix !== undefined && certificatePrefix !== item.certificatePrefix) await tx.item.update({ where: { id: item.id }, data: { certificatePrefix } });
      const version = await tx.itemVersion.create({
        data: {
          ...fields,
          itemId: item.id,
          version: next,
          mainItemName: item.currentVersion.mainItemName,
          publishedById: actor.id,
          formFields: form.fields,
          feeLines: fees.lines,
          materials: { create: materials.map((m, position) => ({ ...m, position })) },
        },
      });
      // Guarded by the version we read: of two concurrent publishes, one moves the pointer.
      const moved = await tx.item.updateMany({ where: { id: item.id, currentVersionId: item.currentVersion.id }, data: { currentVersionId: version.id } });
      if (moved.count !== 1) throw new AppError("CONFLICT");
      await recordAuditEvent(tx, {
        actor,
        action: "item.version.published",
        entityType: "Item",
        entityId: item.id,
        before: { version: item.currentVersion.version },
        after: { version: next, changeNote: input.changeNote, feeLines: fees.lines, certificatePrefix: certificatePrefix ?? item.certificatePrefix, certificateValidityYears: input.certificateValidityYears },
      });
      return { implementationCode: item.implementationCode, version: next };
    });
  } catch (e) {
    // The unique (itemId, version) index catches a race the pointer guard did not see yet.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new AppError("CONFLICT");
    throw e;
  }
}
