"use client";
// Upload of one material with a progress bar (XMLHttpRequest reports upload progress; fetch does
// not). Without JavaScript the same form posts to the same endpoint and comes back to the page.
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Data } from "@/components/ui/data";

export type UploadLabels = Record<"choose" | "colon" | "upload" | "uploading" | "done" | "failed" | "limits", string>;

/** What the file is for: one material of one application, or one slot of a bundle filing (一件事). */
export type UploadTarget = { applicationId: string; materialId: string } | { bundleFilingId: string; slotKey: string };

export function MaterialUpload({ target, materialName, returnTo, labels }: { target: UploadTarget; materialName: string; returnTo: string; labels: UploadLabels }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const id = `upload-${"materialId" in target ? target.materialId : target.slotKey.replace(/[^A-Za-z0-9]/g, "") || materialName.length}`;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return;
    const body = new FormData(event.currentTarget);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/uploads");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => e.lengthComputable && setProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      setProgress(null);
      let reply: { ok?: boolean; message?: string } = {};
      try {
        reply = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: treat as failure below */
      }
      if (xhr.status === 200 && reply.ok) {
        setMessage({ kind: "success", text: labels.done });
        if (input.current) input.current.value = "";
        router.refresh();
      } else {
        setMessage({ kind: "error", text: reply.message ?? labels.failed });
      }
    };
    xhr.onerror = () => {
      setProgress(null);
      setMessage({ kind: "error", text: labels.failed });
    };
    setMessage(null);
    setProgress(0);
    xhr.send(body);
  }

  return (
    <form action="/api/uploads" method="post" encType="multipart/form-data" onSubmit={submit} className="flex flex-col gap-2" data-testid={`upload-${materialName}`}>
      {Object.entries(target).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="returnTo" value={returnTo} />
      <label htmlFor={id} className="text-sm font-medium">
        {labels.choose}
        {labels.colon}
        <Data>{materialName}</Data>
      </label>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {labels.limits}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <input ref={input} id={id} name="file" type="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" required aria-describedby={`${id}-hint`} className="text-sm" />
        <button type="submit" disabled={progress !== null} className="rounded border border-brand px-3 py-1 text-sm text-brand hover:bg-blue-50 disabled:opacity-60">
          {progress === null ? labels.upload : labels.uploading}
        </button>
      </div>
      {progress !== null && (
        <progress max={100} value={progress} aria-label={labels.uploading} className="h-2 w-full">
          {progress}%
        </progress>
      )}
      {message && (
        <p role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "text-sm text-red-800" : "text-sm text-green-800"}>
          {message.text}
        </p>
      )}
    </form>
  );
}
