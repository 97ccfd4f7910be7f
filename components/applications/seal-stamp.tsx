// The bureau's seal stamped over the issuer's name on a printable document (vector, from its name).
import { BUREAU } from "@/lib/bureau";
import { sealSvg } from "@/lib/domain/seals/seal-image";

export function SealStamp({ testId }: { testId?: string }) {
  return <div lang="zh-CN" className="absolute top-[-40px] right-0 h-32 w-32 opacity-90" aria-hidden="true" data-testid={testId} dangerouslySetInnerHTML={{ __html: sealSvg({ name: BUREAU.officialName, size: 128 }) }} />;
}
