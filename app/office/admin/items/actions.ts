"use server";
// Catalogue administration: publish an item's next version; import a published item list.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/server/action";
import { importItemList } from "@/lib/server/catalogue/import-items";
import { publishItemVersion } from "@/lib/server/catalogue/publish-item-version";
import { ZPublishItemVersionInput, publishFormToInput } from "@/lib/server/catalogue/schemas";

export async function publishItemVersionAction(_prev: unknown, formData: FormData) {
  const result = await runAction(formData, ZPublishItemVersionInput, (input, actor) => publishItemVersion({ actor, input }), {
    toInput: publishFormToInput,
    permission: "catalogue:administer",
    name: "publishItemVersion",
  });
  if (result?.ok) revalidatePath(`/items/${encodeURIComponent(result.data.implementationCode)}`);
  return result;
}

const ZImportForm = z.object({ file: z.instanceof(File, { message: "import.file" }) });

export async function importItemListAction(_prev: unknown, formData: FormData) {
  return runAction(
    formData,
    ZImportForm,
    async ({ file }, actor) => {
      const report = await importItemList({ actor, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      // Only what a person needs to read: the rows that were not simply created.
      return { applied: report.applied, counts: report.counts, rows: report.rows.filter((r) => r.action !== "create").slice(0, 500).map(({ row, action, code, ...rest }) => ({
        row, action, code, reason: "reason" in rest ? rest.reason : "changed", detail: "detail" in rest ? rest.detail ?? "" : "changes" in rest ? rest.changes.join(", ") : "",
      })) };
    },
    { permission: "catalogue:administer", name: "importItemList" },
  );
}
