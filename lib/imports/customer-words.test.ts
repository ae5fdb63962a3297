import { describe, expect, it } from "vitest";
import { readCustomerType, readPreferredChannel } from "./customer-words";

describe("readCustomerType", () => {
  it("reads common words in English, Norwegian and Italian", () => {
    const read = (t: string) => {
      const r = readCustomerType(t);
      return r.ok ? r.value : "problem";
    };
    expect(["Company", "Business", "Bedrift", "AZIENDA", "Firma", "B2B", "business"].map(read)).toEqual(
      Array(7).fill("business"),
    );
    expect(["Privat", "Consumer", "Privato", "Privatperson", "persona fisica", "B2C"].map(read)).toEqual(
      Array(6).fill("consumer"),
    );
    expect(["Sole trader", "ENK", "Enkeltpersonforetak", "ditta individuale", "sole_trader"].map(read)).toEqual(
      Array(5).fill("sole_trader"),
    );
    expect(read("")).toBeNull();
    expect(read("  ")).toBeNull();
  });

  it("names a word it does not know instead of guessing", () => {
    expect(readCustomerType("Wholesale")).toEqual({
      ok: false,
      error:
        '"Wholesale" is not a customer type we know: write business (company), consumer (private person) or sole trader',
    });
  });
});

describe("readPreferredChannel", () => {
  it("reads email and post words; an empty cell or 'none' is no preference", () => {
    const read = (t: string) => {
      const r = readPreferredChannel(t);
      return r.ok ? r.value : "problem";
    };
    expect(["Email", "E-mail", "e-post", "EPOST", "Send later", "PEC"].map(read)).toEqual(Array(6).fill("email"));
    expect(["Post", "Paper", "Print later", "Brev", "Papir", "Posta", "Letter"].map(read)).toEqual(
      Array(7).fill("post"),
    );
    expect(["", "None", "ingen"].map(read)).toEqual([null, null, null]);
  });

  it("refuses an e-invoice network and an unknown word with the reason", () => {
    expect(readPreferredChannel("EHF")).toMatchObject({ ok: false, error: expect.stringContaining("e-invoice") });
    expect(readPreferredChannel("Fax")).toEqual({
      ok: false,
      error: '"Fax" is not a channel we know: write email or post',
    });
  });
});
