import { describe, expect, it } from "vitest";
import { csvText } from "./csv";

// Issue 14, item 8: Italian and Norwegian Excel split a line on ";", so a cell
// "ACME;=HYPERLINK(...)" in a comma-separated file became a formula cell.
describe("csvText", () => {
  it.each([
    ['ACME;=HYPERLINK("http://x")', '"ACME;\'=HYPERLINK(""http://x"")"'],
    ["Note; -2+3", '"Note; \'-2+3"'],
    ["a|@SUM(A1)", '"a|\'@SUM(A1)"'],
    ["Acme;=1+1;", '"Acme;\'=1+1;"'],
    ["Rossi; Bianchi", '"Rossi; Bianchi"'],
    ["tab\there", '"tab\there"'],
    ["=1+1", "'=1+1"],
    ["\r=1", "\"'\r'=1\""],
    ["Plain text", "Plain text"],
    ["Smith, John", '"Smith, John"'],
  ])("%j -> %s", (input, output) => {
    expect(csvText(input)).toBe(output);
  });
});

// Issue 22, 7: the ' went before the whole cell, so "Acme;=1+1;" split on ";" still gave a live "=1+1".
describe("every piece a spreadsheet may split a cell into", () => {
  it.each(["Acme;=1+1;", "x,=A1", "a|b;@SUM(A1)|-1", "n\n=2", "ok; +1", "=a;=b,=c"])(
    "%j has no piece that starts a formula",
    (input) => {
      const cell = csvText(input).replace(/^"|"$/g, "").replace(/""/g, '"');
      for (const piece of cell.split(/[,;\t|\r\n]/)) expect(piece.trimStart()).not.toMatch(/^[=+\-@]/);
    },
  );
});
