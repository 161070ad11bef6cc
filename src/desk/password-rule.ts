// The password rule as the desk shows it before anyone types one (the sign-in API enforces it: 422 weak_password).
export const PASSWORD_RULE = {
  minChars: 10,
  maxBytes: 1024,
  text: "密码至少 10 个字符（不超过 1024 字节），不能全是空格。",
} as const;
