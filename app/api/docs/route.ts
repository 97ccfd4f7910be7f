// /api/docs: the interactive console (Swagger UI) over /api/v1/openapi.json, served entirely by the
// portal (its files come from the swagger-ui-dist package, see assets/[file]) — nothing from the
// internet: no CDN, and the online validator badge off (validatorUrl: null). The reference page is
// /developers; this console is the "try it out" companion. It passes axe too: the stylesheet below
// darkens the colours Swagger UI draws below 4.5:1 contrast, deep links are off (they put a link inside
// each operation's toggle button), and a small observer names the selects Swagger UI leaves unlabelled
// and lets the keyboard reach the scrolling example blocks.

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
<style>
.swagger-ui .opblock .opblock-summary-method,.swagger-ui .opblock.opblock-get .opblock-summary-method{background:#0b5394}
.swagger-ui .opblock.opblock-post .opblock-summary-method{background:#1e6b47}
.swagger-ui .opblock.opblock-put .opblock-summary-method{background:#8a4b00}
.swagger-ui .opblock.opblock-delete .opblock-summary-method{background:#a4262c}
.swagger-ui .opblock.opblock-patch .opblock-summary-method{background:#0f6b63}
.swagger-ui .info .title small{background:#4a5060}
.swagger-ui .info .title small.version-stamp{background:#3d5c00}
.swagger-ui .info .url,.swagger-ui .info a{color:#1a5fb4}
.swagger-ui .parameter__in,.swagger-ui .parameter__deprecated{color:#555}
.swagger-ui .json-schema-2020-12-expand-deep-button{color:#444}
.swagger-ui .microlight span[style*="211, 99, 99"]{color:#ff9c9c!important}
.swagger-ui .btn.authorize{color:#1e6b47;border-color:#1e6b47}
.swagger-ui .btn.authorize svg{fill:#1e6b47}
</style>
</head>
<body>
<main>
<h1 style="font:600 1.25rem system-ui,sans-serif;margin:1rem 1.25rem 0">Open API console <span lang="zh-CN">开放接口调试台</span> · <a href="/developers">/developers</a></h1>
<div id="swagger-ui"></div>
</main>
<script nonce="${nonce}" src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script nonce="${nonce}">
window.addEventListener("load", function () {
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#swagger-ui", validatorUrl: null, deepLinking: false, tryItOutEnabled: false });
  var fix = function () {
    root.querySelectorAll("select:not([aria-label])").forEach(function (s) {
      var row = s.closest("tr[data-param-name]");
      s.setAttribute("aria-label", row ? row.getAttribute("data-param-name") : s.id === "servers" ? "Servers" : "Choose");
    });
    root.querySelectorAll(".microlight:not([tabindex])").forEach(function (e) { e.setAttribute("tabindex", "0"); });
  };
  new MutationObserver(fix).observe(root, { childList: true, subtree: true });
  fix();
});
</script>
</body>
</html>
`;
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}
