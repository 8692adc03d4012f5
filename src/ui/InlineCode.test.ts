import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { expect, it } from "vitest";
import { InlineCode } from "./InlineCode.tsx";

const render = (text: string) => renderToStaticMarkup(createElement(InlineCode, { text }));

it("renders `code` spans as code and everything else as text, never as markup", () => {
  expect(render("call `ticker.stop()` <b>now</b>")).toBe(
    "call <code>ticker.stop()</code> &lt;b&gt;now&lt;/b&gt;",
  );
  expect(render("a lone ` backtick")).toBe("a lone ` backtick");
});
