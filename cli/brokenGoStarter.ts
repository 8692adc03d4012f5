/**
 * Lesson 4's Go starter broken on purpose, made from the starter itself when a test asks, so that the broken
 * versions cannot drift from the file they break: the tests of `npm run check`, the check job and the live run
 * share them.
 */
import { readFileSync } from "node:fs";

const STARTER = "lessons/04-upload/storage.go";

/** The starter with a misspelt variable (`writen += int64(n)`), and the line and column Go reports it at. */
export function goStarterWithTypo(): { source: string; line: number; column: number } {
  const lines = readFileSync(STARTER, "utf8").split("\n");
  const index = lines.findIndex((text) => text.includes("written += int64(n)"));
  if (index < 0) throw new Error(`${STARTER} no longer has "written += int64(n)"`);
  const broken = (lines[index] as string).replace("written +=", "writen +=");
  lines[index] = broken;
  return { source: lines.join("\n"), line: index + 1, column: broken.indexOf("writen") + 1 };
}

/** The starter without the UploadChunk method the upload traffic calls (renamed UploadPart). */
export function goStarterWithoutUploadChunk(): string {
  const source = readFileSync(STARTER, "utf8");
  if (!source.includes("func (s *Service) UploadChunk(")) throw new Error(`${STARTER} has no UploadChunk`);
  return source.replace("func (s *Service) UploadChunk(", "func (s *Service) UploadPart(");
}
