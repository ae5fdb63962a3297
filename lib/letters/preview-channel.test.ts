import { describe, expect, it } from "vitest";
import { previewChannel } from "./preview-channel";

const customer = {
  preferredChannel: "post",
  email: "ap@customer.example",
  addressLine1: "Main Street 1",
  city: "Oslo",
};

describe("the preview's channel follows the customer's preferred channel", () => {
  it("email when the customer prefers email and has an address", () => {
    expect(previewChannel({ ...customer, preferredChannel: "email" })).toBe("email");
  });
  it("post when the customer prefers post, even with an email address", () => {
    expect(previewChannel(customer)).toBe("post");
  });
  it("post when email is preferred but no address is recorded (email is not offered then)", () => {
    expect(previewChannel({ ...customer, preferredChannel: "email", email: " " })).toBe("post");
  });
});
