// The 受理通知书 as text, once: the page and the PDF both render this, so they say the same thing
// under the same labels (an official document: always Chinese).
import "server-only";
import { shanghaiTime } from "@/lib/server/pdf/fonts";

export const PROVISIONAL_MARK = "（暂定）";
export const PROVISIONAL_NOTE =
  "注：标“暂定”的日期跨入国务院尚未公布节假日安排的年度，系按《全国年节及纪念日放假办法》推算（法定节假日及周末补假，不含调休）；安排公布后本机关将重新计算，日期变化的另行告知。";
const CLOCK_NOTE = "期限按工作日计算，法定节假日不计，调休上班日计入；依法需要听证、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在期限内，本机关将书面告知。";

export type ReceiptFacts = {
  bureauName: string;
  number: string;
  applicantName: string;
  maskedId: string;
  itemName: string;
  itemVersion: number;
  subject: string;
  acceptedAt: Date;
  promisedDays: number;
  promisedDue: string;
  statutoryDays: number;
  statutoryDue: string;
  /** Dates counted over a year whose holiday notice is not out yet. */
  provisional: { promisedDue: boolean; statutoryDue: boolean; owedBy: boolean };
  /** 容缺受理: what is owed and by when. */
  owed: { names: string[]; by: string } | null;
  progressUrl: string;
  windowText: string;
  hotline: string;
  /** Under the seal: its 文号 and where anyone verifies it (null where no seal could stamp it). */
  sealed: { number: string; verifyUrl: string } | null;
  /** A visit to the window: where the applicant rates it (好差评); null for a filing made online. */
  ratingUrl?: string | null;
};

export type ReceiptDocument = {
  title: string;
  salutation: string;
  body: string;
  rows: [label: string, value: string][];
  notes: string[];
  issuer: string;
  /** The date under the issuer, YYYY-MM-DD in Beijing time. */
  issuedOn: string;
};

export function receiptDocument(d: ReceiptFacts): ReceiptDocument {
  const mark = (provisional: boolean) => (provisional ? PROVISIONAL_MARK : "");
  const provisional = d.provisional.promisedDue || d.provisional.statutoryDue || (d.owed !== null && d.provisional.owedBy);
  const owedBy = d.owed ? `${d.owed.by}${mark(d.provisional.owedBy)}` : "";
  return {
    title: "受理通知书",
    salutation: `${d.applicantName}（${d.maskedId}）：`,
    body: d.owed
      ? `你（单位）提出的“${d.itemName}”申请，主要申请材料齐全，符合法定形式，本机关决定予以容缺受理。请于 ${owedBy} 前补齐：${d.owed.names.join("、")}；补齐前不予发证。`
      : `你（单位）提出的“${d.itemName}”申请，申请材料齐全，符合法定形式，根据《中华人民共和国行政许可法》第三十二条的规定，本机关决定予以受理。`,
    rows: [
      ["办件编号", d.number],
      ["申请事项", `${d.itemName}（第 ${d.itemVersion} 版办事指南）`],
      ["申请内容", d.subject],
      ["受理时间", `${shanghaiTime(d.acceptedAt)}（北京时间）`],
      ["承诺办结日期", `${d.promisedDue}${mark(d.provisional.promisedDue)}（承诺时限 ${d.promisedDays} 个工作日）`],
      ["法定办结日期", `${d.statutoryDue}${mark(d.provisional.statutoryDue)}（法定时限 ${d.statutoryDays} 个工作日）`],
      ...(d.owed ? [["容缺材料", `${d.owed.names.join("、")}，请于 ${owedBy} 前补齐`] as [string, string]] : []),
    ],
    notes: [
      CLOCK_NOTE,
      ...(provisional ? [PROVISIONAL_NOTE] : []),
      `办理进度查询：访问 ${d.progressUrl}，输入办件编号和证件号码后四位即可查询。咨询电话：${d.hotline}。`,
      `办理地点：${d.windowText}`,
      ...(d.sealed ? [`文号：${d.sealed.number}；文书验真：${d.sealed.verifyUrl}`] : []),
      ...(d.ratingUrl ? [`欢迎对本次窗口服务作出评价（好差评）：${d.ratingUrl}`] : []),
    ],
    issuer: d.bureauName,
    issuedOn: shanghaiTime(d.acceptedAt).slice(0, 10),
  };
}
