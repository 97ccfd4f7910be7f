// The applicant's truthfulness declaration (承诺), given before every submission online and signed on
// the paper form at the window (Administrative Licensing Law art. 31: the applicant answers for the
// truth of the materials). The Chinese text is the one that binds; it is kept with the submission.
export const DECLARATION_TEXT =
  "本人（本单位）承诺：所填写的申请内容和提交的申请材料真实、合法、有效，复印件与原件一致；如有隐瞒或者提供虚假材料，愿意承担相应的法律责任。";
