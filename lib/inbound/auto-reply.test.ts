import { describe, expect, it } from "vitest";
import { isAutoReply } from "./auto-reply";

const none = { autoSubmitted: "", xAutoreply: "", precedence: "", xAutoResponseSuppress: "" };

describe("isAutoReply", () => {
  it.each([
    ["Out of Office: Re: Invoice 1001", none],
    ["Automatisk svar: Betalingspåminnelse", none],
    ["Risposta automatica: Sollecito di pagamento", none],
    ["Re: Reminder", { ...none, autoSubmitted: "auto-replied" }],
    ["Re: Reminder", { ...none, xAutoreply: "yes" }],
    ["Re: Reminder", { ...none, precedence: "auto_reply" }],
    ["Re: Reminder", { ...none, xAutoResponseSuppress: "All" }],
  ])("%s (%o) is automatic", (subject, headers) => {
    expect(isAutoReply({ subject, headers })).toBe(true);
  });

  it.each([
    ["Re: Invoice 1001 — we paid yesterday", none],
    ["Re: Betalingspåminnelse", { ...none, autoSubmitted: "no" }],
    ["Re: Sollecito: la fattura è contestata", none],
    ["Office chairs invoice", none],
  ])("%s is a person's answer", (subject, headers) => {
    expect(isAutoReply({ subject, headers })).toBe(false);
  });
});
