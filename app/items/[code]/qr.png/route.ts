// The guide's QR code (码上办) as a PNG pointing at the guide's public URL; ?download=1 saves it.
import { renderQrPng } from "@/lib/server/catalogue/qr-code";
import { guidePath, publicUrl } from "@/lib/server/public-url";
import { loadGuide } from "../load-guide";

export async function GET(req: Request, { params }: { params: Promise<{ code: string }> }) {
  const item = await loadGuide((await params).code);
  const png = await renderQrPng(await publicUrl(guidePath(item.implementationCode)), { size: 400 });
  const download = new URL(req.url).searchParams.get("download") === "1";
  return new Response(new Uint8Array(png), {
    headers: {
      "Content-Type": "image/png",
      "Cache-Control": "public, max-age=3600",
      ...(download ? { "Content-Disposition": `attachment; filename="qr-${item.implementationCode}.png"` } : {}),
    },
  });
}
