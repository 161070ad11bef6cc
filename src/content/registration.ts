// What a Chinese news site must show at the foot of its pages, from configuration ([vars]): the ICP 备案号,
// the 公安备案号, the 互联网新闻信息服务许可证 number, the owner (主办单位) and how to reach them. Each is
// optional: what is not configured is not printed.

export type Registration = {
  /** ICP 备案号, e.g. 青ICP备2026000001号-1; linked to the MIIT's register. */
  icp: string;
  /** 公安备案号, e.g. 青公网安备37020202000001号; linked to its record on the MPS's register. */
  psb: string;
  /** 互联网新闻信息服务许可证 number. */
  newsLicense: string;
  /** 主办单位. */
  ownerName: string;
  /** A telephone number or an address for readers (and the regulator). */
  ownerContact: string;
};

type Vars = { ICP_NUMBER?: string; PSB_NUMBER?: string; NEWS_LICENSE?: string; OWNER_NAME?: string; OWNER_CONTACT?: string };

/** The configured lines, trimmed: a value of spaces is as unset as an empty one. */
export const registrationOf = (env: Vars): Registration => ({
  icp: (env.ICP_NUMBER ?? "").trim(),
  psb: (env.PSB_NUMBER ?? "").trim(),
  newsLicense: (env.NEWS_LICENSE ?? "").trim(),
  ownerName: (env.OWNER_NAME ?? "").trim(),
  ownerContact: (env.OWNER_CONTACT ?? "").trim(),
});

/** The MIIT's ICP register, where every 备案号 is looked up. */
export const ICP_REGISTER_URL = "https://beian.miit.gov.cn/";

/** A 公安备案号's own record on the MPS's register: the record code is the number's digits. */
export function psbRecordUrl(psb: string): string | null {
  const code = psb.replace(/\D/g, "");
  return code ? `https://beian.mps.gov.cn/#/query/webSearch?code=${code}` : null;
}
