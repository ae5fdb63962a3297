import { describe, expect, it } from "vitest";
import { csvText } from "./csv";

// Issue 14, item 8: Italian and Norwegian Excel split a line on ";", so a cell
// "ACME;=HYPERLINK(...)" in a comma-separated file became a formula cell.
describe("csvText", () => {
  it.each([
    ['ACME;=HYPERLINK("http://x")', '"\'ACME;=HYPERLINK(""http://x"")"'],
    ["Note; -2+3", '"\'Note; -2+3"'],
    ["a|@SUM(A1)", '"\'a|@SUM(A1)"'],
    ["Rossi; Bianchi", '"Rossi; Bianchi"'],
    ["tab\there", '"tab\there"'],
    ["=1+1", "'=1+1"],
    ["\r=1", '"\'\r=1"'],
    ["Plain text", "Plain text"],
    ["Smith, John", '"Smith, John"'],
  ])("%j -> %s", (input, output) => {
    expect(csvText(input)).toBe(output);
  });
});
