// The simulated fiscal platform (非税收入收缴平台) the bureau's bank channel talks to: a small HTTP
// server of its own, started by `npm run dev`, by `npm test` and by integration tests on loopback, so
// the portal's real code path (register a notice, a payer pays at the "bank", a signed callback,
// status queries, the daily reconciliation file) runs against a real partner. It holds no money
// either: it records that a payer paid.
//
// API (every call signed by the bureau with the shared secret, as the callbacks are):
//   POST /api/notices                       register a notice {code, amountFen, payer, item, dueDate}
//   GET  /api/notices/<code>                its status {code, amountFen, state, paidAt?, bankRef?}
//   GET  /api/reconciliation?day=YYYY-MM-DD the day's file (CSV: code,amountFen,paidAt,bankRef)
// Payers (a browser):
//   GET  /pay?code=<20 digits>              the notice and a "pay" button;  POST /pay  pays it
//                                           (not after the notice's due day: the code has expired)
// Tests only (when started with `testHooks`):
//   POST /test/reconciliation-rows          {day, code, amountFen}: an extra row in that day's file
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { signatureProblem, signedHeaders, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "../../lib/domain/signing/hmac-signature";

type Notice = { code: string; amountFen: number; payer: string; item: string; dueDate: string; state: "UNPAID" | "PAID"; paidAt?: string; bankRef?: string };
type ExtraRow = { day: string; code: string; amountFen: number };
type Store = { notices: Record<string, Notice>; extraRows: ExtraRow[] };

export type FiscalPlatform = {
  url: string;
  /** The callbacks it has sent and how the bureau answered (tests read it). */
  callbacks: { code: string; status: number | null; at: string }[];
  /** Pays a notice as a payer would (tests that have no browser). */
  pay: (code: string) => Promise<Notice>;
  stop: () => Promise<void>;
};

/** The Beijing day of an instant (the bureau's and the bank's business day). */
function beijingDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ccc}button{font-size:1rem;padding:.6rem 1.4rem;background:#0b5394;color:#fff;border:0;border-radius:4px}label{display:block;margin:.5rem 0}</style></head>
<body><header><p>模拟财政非税收入收缴平台（演示用，不收取真实款项）· Simulated fiscal platform (demo, no real money)</p></header><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

export async function startFiscalPlatform(opts: {
  secret: string;
  /** Where the bureau receives the signed payment callbacks (its /api/payments/callback). */
  callbackUrl: string;
  port?: number;
  /** Keeps notices and payments across restarts (dev); unset: in memory. */
  dataFile?: string;
  testHooks?: boolean;
  log?: (line: string) => void;
}): Promise<FiscalPlatform> {
  const store: Store = opts.dataFile && fs.existsSync(opts.dataFile) ? JSON.parse(fs.readFileSync(opts.dataFile, "utf8")) : { notices: {}, extraRows: [] };
  const save = () => opts.dataFile && fs.writeFileSync(opts.dataFile, JSON.stringify(store));
  const callbacks: FiscalPlatform["callbacks"] = [];
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  /** The signed callback, retried with back-off while the bureau does not answer 2xx (as a real platform would). */
  const sendCallback = async (n: Notice, attempt = 1): Promise<void> => {
    if (stopped) return;
    const body = JSON.stringify({ code: n.code, amountFen: n.amountFen, paidAt: n.paidAt, bankRef: n.bankRef });
    let status: number | null = null;
    try {
      const res = await fetch(opts.callbackUrl, { method: "POST", headers: { "content-type": "application/json", ...signedHeaders(opts.secret, body, Date.now()) }, body, redirect: "manual", signal: AbortSignal.timeout(10_000) });
      status = res.status;
      await res.arrayBuffer();
    } catch {
      status = null;
    }
    callbacks.push({ code: n.code, status, at: new Date().toISOString() });
    opts.log?.(`callback ${n.code} → ${status ?? "no answer"}`);
    if ((status === null || status >= 500) && attempt < 6 && !stopped) {
      const t = setTimeout(() => {
        timers.delete(t);
        void sendCallback(n, attempt + 1);
      }, 1000 * 2 ** attempt);
      timers.add(t);
    }
  };

  /** Past its due day (Beijing), an unpaid code takes no payment, as a real platform's 缴款期限 works. */
  const overdue = (n: Notice) => n.state === "UNPAID" && beijingDay(new Date().toISOString()) > n.dueDate;

  const payNotice = (code: string): Notice | null => {
    const n = store.notices[code];
    if (!n) return null;
    if (n.state === "UNPAID" && !overdue(n)) {
      n.state = "PAID";
      n.paidAt = new Date().toISOString();
      n.bankRef = `SIMBANK${Date.now()}${randomBytes(3).toString("hex").toUpperCase()}`;
      save();
      void sendCallback(n);
    }
    return n;
  };

  const readBody = (req: http.IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      let size = 0;
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => {
        size += c.length;
        if (size > 64 * 1024) reject(new Error("too large"));
        else chunks.push(c);
      });
      req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      req.on("error", reject);
    });

  const send = (res: http.ServerResponse, status: number, body: string, type = "application/json; charset=utf-8") => {
    res.writeHead(status, { "content-type": type });
    res.end(body);
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://platform.invalid");
      const body = req.method === "POST" ? await readBody(req) : "";
      const header = (name: string) => (req.headers[name] as string | undefined) ?? null;
      const signed = () => signatureProblem(opts.secret, header(TIMESTAMP_HEADER), header(SIGNATURE_HEADER), body, Date.now()) === null;

      if (url.pathname.startsWith("/api/")) {
        if (!signed()) return send(res, 401, JSON.stringify({ error: "bad signature" }));
        if (req.method === "POST" && url.pathname === "/api/notices") {
          const n = JSON.parse(body) as Omit<Notice, "state">;
          const known = store.notices[n.code];
          if (known && known.amountFen !== n.amountFen) return send(res, 409, JSON.stringify({ error: "code registered with another amount" }));
          if (!known) store.notices[n.code] = { code: n.code, amountFen: n.amountFen, payer: n.payer, item: n.item, dueDate: n.dueDate, state: "UNPAID" };
          save();
          return send(res, known ? 200 : 201, JSON.stringify(store.notices[n.code]));
        }
        const m = /^\/api\/notices\/(\d{20})$/.exec(url.pathname);
        if (req.method === "GET" && m) {
          const n = store.notices[m[1]];
          return n ? send(res, 200, JSON.stringify(n)) : send(res, 404, JSON.stringify({ error: "unknown code" }));
        }
        if (req.method === "GET" && url.pathname === "/api/reconciliation") {
          const day = url.searchParams.get("day") ?? "";
          if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return send(res, 400, JSON.stringify({ error: "day" }));
          const rows = Object.values(store.notices)
            .filter((n) => n.state === "PAID" && n.paidAt && beijingDay(n.paidAt) === day)
            .map((n) => `${n.code},${n.amountFen},${n.paidAt},${n.bankRef}`);
          for (const x of store.extraRows.filter((r) => r.day === day)) rows.push(`${x.code},${x.amountFen},${day}T04:00:00.000Z,SIMBANK-INJECTED`);
          return send(res, 200, ["code,amountFen,paidAt,bankRef", ...rows].join("\n") + "\n", "text/csv; charset=utf-8");
        }
        return send(res, 404, JSON.stringify({ error: "not found" }));
      }

      if (opts.testHooks && req.method === "POST" && url.pathname === "/test/reconciliation-rows") {
        store.extraRows.push(JSON.parse(body) as ExtraRow);
        save();
        return send(res, 201, "{}");
      }

      if (url.pathname === "/pay") {
        const code = req.method === "POST" ? (new URLSearchParams(body).get("code") ?? "") : (url.searchParams.get("code") ?? "");
        const back = url.searchParams.get("back");
        const n = store.notices[code];
        if (!n) {
          return send(
            res,
            404,
            page("未找到缴款通知书", `<p>缴款码 ${escapeHtml(code)} 尚未登记，请稍后再试或核对缴款码。</p><form method="get" action="/pay"><label>缴款码 <input name="code" inputmode="numeric" autocomplete="off" value="${escapeHtml(code)}"></label><button type="submit">查询</button></form>`),
            "text/html; charset=utf-8",
          );
        }
        if (req.method === "POST") payNotice(code);
        const table = `<table><tbody><tr><th scope="row">缴款码</th><td>${n.code}</td></tr><tr><th scope="row">缴款人</th><td>${escapeHtml(n.payer)}</td></tr><tr><th scope="row">项目</th><td>${escapeHtml(n.item)}</td></tr><tr><th scope="row">金额</th><td>¥${yuan(n.amountFen)}</td></tr><tr><th scope="row">状态</th><td>${n.state === "PAID" ? `已缴款（${escapeHtml(n.bankRef ?? "")}）` : "待缴款"}</td></tr></tbody></table>`;
        const backLink = back && /^https?:\/\//.test(back) ? `<p><a href="${escapeHtml(back)}">返回审批局网站</a></p>` : "";
        const action = `/pay${back ? `?back=${encodeURIComponent(back)}` : ""}`;
        if (overdue(n)) return send(res, 200, page("缴款码已过期", table.replace("待缴款", "已过缴款期限") + `<p role="status">该缴款码已超过缴款期限（${escapeHtml(n.dueDate)}），不能再缴款。请到审批局窗口重新开具缴款通知书。</p>${backLink}`), "text/html; charset=utf-8");
        const form = n.state === "PAID" ? `<p role="status">缴款成功。</p>${backLink}` : `<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="code" value="${n.code}"><button type="submit">确认缴款 ¥${yuan(n.amountFen)}</button></form>${backLink}`;
        return send(res, 200, page(n.state === "PAID" ? "缴款成功" : "缴纳非税收入", table + form), "text/html; charset=utf-8");
      }
      send(res, 404, page("未找到", "<p>Not found.</p>"), "text/html; charset=utf-8");
    })().catch(() => {
      if (!res.headersSent) send(res, 400, JSON.stringify({ error: "bad request" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    callbacks,
    pay: async (code) => {
      const n = payNotice(code);
      if (!n) throw new Error(`unknown payment code ${code}`);
      if (n.state !== "PAID") throw new Error(`payment code ${code} is past its due day ${n.dueDate}`);
      return n;
    },
    stop: async () => {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
