// 大写金额: the amount in Chinese capital numerals as payment notices and receipts print it
// (《支付结算办法》 附一: 壹贰叁…, 拾佰仟万亿, a 零 for each run of zeros inside, 整 after 元 or 角).

const DIGITS = "零壹贰叁肆伍陆柒捌玖";
const UNITS = ["", "拾", "佰", "仟"];
const SECTIONS = ["", "万", "亿"];

function yuanInCapitals(yuan: number): string {
  const s = String(yuan);
  let out = "";
  let zeroPending = false;
  let sectionHasDigit = false;
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    const u = s.length - 1 - i;
    if (d === 0) zeroPending = out !== "";
    else {
      if (zeroPending) out += "零";
      out += DIGITS[d] + UNITS[u % 4];
      zeroPending = false;
      sectionHasDigit = true;
    }
    if (u % 4 === 0 && u > 0) {
      if (sectionHasDigit) out += SECTIONS[u / 4];
      sectionHasDigit = false;
    }
  }
  return out;
}

export function amountInChineseCapitals(fen: number): string {
  if (!Number.isInteger(fen) || fen < 0) throw new RangeError("amount in fen must be a whole, non-negative number");
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return "零元整";
  let out = yuan > 0 ? `${yuanInCapitals(yuan)}元` : "";
  if (jiao === 0 && cents === 0) return `${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0) out += "零";
  if (cents > 0) out += `${DIGITS[cents]}分`;
  else out += "整";
  return out;
}
