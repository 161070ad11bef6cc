// The article id in an admin path: routes match `[1-9][0-9]{0,15}`; beyond 2^53 no article can have it.
import { notFound } from "../domain/errors.ts";

export const ARTICLE_ID = "/:id{[1-9][0-9]{0,15}}";

export function articleIdOf(param: string): number {
  const id = Number(param);
  if (!Number.isSafeInteger(id)) throw notFound("No such article");
  return id;
}
