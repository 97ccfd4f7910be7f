// An application filed through the real services, with a PDF given for every material of its item.
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { Actor } from "@/lib/domain/access/actor";
import { startApplication } from "@/lib/server/applications/file-application";
import { uploadMaterial } from "@/lib/server/applications/materials";
import type { createItem } from "./items";

type TestItem = Awaited<ReturnType<typeof createItem>>;

/** A draft of `item` by `actor` (a clerk files for `applicantId`), every material uploaded; returns the material ids too. */
export async function draftWithMaterials(actor: Actor, item: TestItem, opts: { applicantId?: string } = {}) {
  const { id } = await startApplication({
    actor,
    input: { itemCode: item.item.implementationCode, submissionKey: randomUUID(), subject: "申请", contactName: "张三", contactPhone: "13800001234", applicantId: opts.applicantId },
  });
  const materialIds = [item.materials.core1.id, item.materials.core2.id, item.materials.supplementary.id];
  for (const materialId of materialIds) {
    const bytes = Buffer.from(`%PDF-1.4\n${materialId}${id}\n%%EOF\n`);
    await uploadMaterial({ actor, applicationId: id, materialId, file: { name: "m.pdf", size: bytes.length, stream: Readable.from([bytes]) } });
  }
  return { id, materialIds };
}
