// /api/docs: the interactive console (Swagger UI) over /api/v1/openapi.json, served entirely by the
// portal (its files come from the swagger-ui-dist package, see assets/[file]) — nothing from the
// internet: no CDN, and the online validator badge off (validatorUrl: null). The reference page that
// passes the accessibility checks is /developers; this console is the "try it out" companion.

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function GET(request: Request): Promise<Response> {
  // The proxy's nonce for this response's Content-Security-Policy (scripts run only with it).
  const nonce = escape(request.headers.get("x-nonce") ?? "");
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Open API console · 广安区行政审批局</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<main>
<h1 style="font:600 1.25rem system-ui,sans-serif;margin:1rem 1.25rem 0">Open API console <span lang="zh-CN">开放接口调试台</span> · <a href="/developers">/developers</a></h1>
<div id="swagger-ui"></div>
</main>
<script nonce="${nonce}" src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script nonce="${nonce}">
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#swagger-ui", validatorUrl: null, deepLinking: true, tryItOutEnabled: false });
});
</script>
</body>
</html>
`;
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}
