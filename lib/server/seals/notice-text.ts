// The words of a written notice under the seal, from its signed record: the one-time correction
// notice (一次性告知书, art. 32) and the special-procedure notice (特别程序告知书, art. 45). One text
// for the page and the PDF. Official documents: always Chinese.
import { DOCUMENT_TITLES, type DocumentKind } from "./seal-document";

/** The documents that are written notices (the receipt and the decision letter have pages of their own). */
export function isNoticeKind(kind: string): boolean {
  return kind === "CORRECTION_NOTICE" || kind === "SPECIAL_PROCEDURE";
}

export type NoticeRecord = {
  application?: string;
  item?: string;
  reason?: string;
  note?: string;
  startedOn?: string;
  expectedDays?: number | null;
  entries?: { name: string; problem: string }[];
};

export type NoticeText = { title: string; salutation: string; paragraphs: string[]; entries: { name: string; problem: string }[]; closing: string[] };

export function noticeText(kind: string, record: NoticeRecord, applicantName: string): NoticeText {
  const title = DOCUMENT_TITLES[kind as DocumentKind] ?? kind;
  const subject = `你（单位）申请的“${record.item ?? ""}”（办件编号 ${record.application ?? ""}）`;
  if (kind === "CORRECTION_NOTICE") {
    return {
      title,
      salutation: `${applicantName}：`,
      paragraphs: [`${subject}，经审查，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项，现一次性告知你（单位）需要补正的全部内容如下：`],
      entries: record.entries ?? [],
      closing: [
        "请按上述内容补正后重新提交。补正的申请材料齐全、符合法定形式的，本机关将予以受理；本告知书以外的内容，本机关不再要求补正。",
        "如对本告知有异议，可向本机关咨询或投诉。",
      ],
    };
  }
  return {
    title,
    salutation: `${applicantName}：`,
    paragraphs: [
      `${subject}，因需${record.reason ?? ""}，自 ${record.startedOn ?? ""} 起中止计时${record.expectedDays ? `，预计需要 ${record.expectedDays} 个工作日` : ""}。根据《中华人民共和国行政许可法》第四十五条，所需时间不计算在办理期限内；恢复计时后本机关将及时告知。`,
      ...(record.note ? [`说明：${record.note}`] : []),
    ],
    entries: [],
    closing: [],
  };
}
