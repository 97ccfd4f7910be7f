// The upload control's labels in the page's language (one place for every page that uploads).
import { getTranslations } from "next-intl/server";
import { UPLOAD_LIMITS } from "@/lib/domain/applications/uploads";
import type { UploadLabels } from "./material-upload";

export async function uploadLabelsOf(): Promise<UploadLabels> {
  const [t, tf] = await Promise.all([getTranslations("application"), getTranslations("common")]);
  return {
    choose: t("upload.choose"),
    colon: tf("colon"),
    upload: t("upload.upload"),
    uploading: t("upload.uploading"),
    done: t("upload.done"),
    failed: t("upload.failed"),
    limits: t("upload.limits", { mb: UPLOAD_LIMITS.maxBytes / 1024 / 1024 }),
  };
}
