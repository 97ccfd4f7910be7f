// Text of the OpenAPI document (written in English, with Chinese terms): marked English, with each
// run of Chinese characters marked Chinese, so screen readers and the English-page check read it right.
const HAN_RUN = /([\p{Script=Han}（），、：；。〔〕《》]+)/u;

export function Prose({ children }: { children: string | undefined }) {
  if (!children) return null;
  return (
    <span lang="en">
      {children.split(HAN_RUN).map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} lang="zh-CN">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </span>
  );
}
