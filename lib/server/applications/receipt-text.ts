// Lines of the 受理通知书 that the page and the PDF must say alike: the due dates, with the mark
// and the note when a date was counted over a year whose holiday notice is not out yet.
import "server-only";

export const PROVISIONAL_MARK = "（暂定）";
export const PROVISIONAL_NOTE =
  "注：标“暂定”的日期跨入国务院尚未公布节假日安排的年度，系按《全国年节及纪念日放假办法》推算（法定节假日及周末补假，不含调休）；安排公布后本机关将重新计算，日期变化的另行告知。";

type Due = {
  promisedDue: string;
  promisedDays: number;
  statutoryDue: string;
  statutoryDays: number;
  provisional: { promisedDue: boolean; statutoryDue: boolean };
};

export function receiptDueRows(d: Due): [string, string][] {
  const mark = (provisional: boolean) => (provisional ? PROVISIONAL_MARK : "");
  return [
    ["承诺办结日期", `${d.promisedDue}${mark(d.provisional.promisedDue)}（承诺时限 ${d.promisedDays} 个工作日）`],
    ["法定办结日期", `${d.statutoryDue}${mark(d.provisional.statutoryDue)}（法定时限 ${d.statutoryDays} 个工作日）`],
  ];
}

export const anyProvisional = (p: Record<string, boolean>) => Object.values(p).some(Boolean);
