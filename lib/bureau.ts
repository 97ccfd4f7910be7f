// Facts about the bureau itself shown on public pages (demo values for the seeded bureau).
export const BUREAU = {
  name: "广安区行政审批局",
  /** Its full name as issuer of certificates and documents. */
  officialName: "广安市广安区行政审批局",
  /** Its unified social credit code, as in the implementation codes of its items (issuer code of certificates). */
  creditCode: "115113016823646795",
  /** The department name the bureau has in the provincial item list. */
  listDepartment: "区行政审批局",
  hall: "广安区政务服务中心一楼综合受理窗口（广安区金安大道二段 1 号，示例地址）",
  hours: "周一至周五 9:00–12:00、13:30–17:00（法定节假日除外；调休上班日照常办公）",
  hotline: "12345",
  /** 行政区划代码 of the district: the first part of every application number. */
  regionCode: "511602",
} as const;
