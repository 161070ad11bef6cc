// The password rule as the desk shows it before anyone types one: the numbers are sign-in's own
// (src/auth/password.ts), which refuses a weaker one with 422 weak_password.
import { PASSWORD_RULES } from "../auth/password.ts";

export const PASSWORD_RULE = {
  minChars: PASSWORD_RULES.minCharacters,
  text: `密码至少 ${PASSWORD_RULES.minCharacters} 个字符（不超过 ${PASSWORD_RULES.maxBytes} 字节），不能全是空格。`,
} as const;
