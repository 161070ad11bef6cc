// People for the browser tests, made as the newsroom makes them: an admin key invites them through the staff
// API, and they open their link in the browser and set a password there, as a new colleague does.
import type { Page } from "playwright-core";
import type { Role } from "../../src/domain/role.ts";
import { type DeskUnderTest, adminApi } from "./harness.ts";

export type Newcomer = { id: number; login: string; displayName: string; password: string; link: string };

let counter = 0;

export async function invite(d: DeskUnderTest, role: Role, displayName: string): Promise<Newcomer> {
  counter += 1;
  const login = `p${Date.now().toString(36)}${counter}`;
  const res = await adminApi(d, "POST", "/api/v1/admin/staff", { login, display_name: displayName, role });
  if (res.status !== 201) throw new Error(`inviting ${login}: ${res.status} ${await res.text()}`);
  const { staff, link } = (await res.json()) as { staff: { id: number }; link: { url: string } };
  return { id: staff.id, login, displayName, password: `正确的马 battery ${counter}`, link: link.url };
}

/** Opens the invitation and sets the password: the person is then signed in. */
export async function setPasswordFromLink(page: Page, who: Newcomer): Promise<void> {
  await page.goto(who.link);
  await page.getByText(`欢迎，${who.displayName}！`).waitFor();
  await page.getByLabel("新密码", { exact: true }).fill(who.password);
  await page.getByLabel("再输入一次新密码").fill(who.password);
  await page.getByRole("button", { name: "设置密码并登录" }).click();
  const done = page.getByRole("heading", { name: "密码已设置，您已登录" });
  const refused = page.getByRole("alert").filter({ hasText: /\S/ });
  await done.or(refused).first().waitFor();
  if (await refused.isVisible()) throw new Error(`setting the password was refused: ${await refused.textContent()}`);
}

export async function signInWithForm(page: Page, who: Newcomer): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith("/desk/login")) await page.goto("/desk/login");
  await page.getByLabel("登录名").fill(who.login);
  await page.getByLabel("密码").fill(who.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/desk/login"));
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL((url) => url.pathname === "/desk/login");
}

/**
 * A platform authenticator in this tab (CDP WebAuthn): CTAP2, built in, keeps discoverable credentials, and
 * verifies the user at once, as a laptop's fingerprint reader would after a touch.
 */
export async function addVirtualAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
}
