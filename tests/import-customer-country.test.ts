import { describe, expect, it } from "vitest";
import { useTestDb } from "./db";
import { createOrg, createUser } from "./factories";
import { importFile } from "./imports";

// Issue 23 §4: a customers file's country, as a name or a code, reaches the customer's
// country code (what the letters' rules and the send read), not only the address text.

const db = useTestDb();

describe("customers import: country", () => {
  it("sets the country code from GB, Norge, Italia and United Kingdom; an unknown country is a problem on its row", async () => {
    const org = await createOrg(db);
    const user = await createUser(db, org.id, "COLLECTOR");
    const who = { orgId: org.id, userId: user.id };
    const text = [
      "Customer No,Company Name,Country,Company Reg No",
      "C1,Thames Tooling Ltd,GB,01234567",
      "C2,Fjordkraft Handel AS,Norge,923456789",
      "C3,Ferramenta Rossi S.r.l.,Italia,",
      "C4,Hartley & Sons Ltd,United Kingdom,",
    ].join("\n");
    const done = await importFile(db, who, "customers", { text, name: "customers.csv" });
    expect(done).toMatchObject({ status: "COMMITTED", createdCount: 4 });
    const rows = await db.customer.findMany({
      where: { orgId: org.id },
      orderBy: { reference: "asc" },
      select: { reference: true, country: true, countryCode: true, registrationNumber: true },
    });
    expect(rows).toEqual([
      { reference: "C1", country: "GB", countryCode: "GB", registrationNumber: "01234567" },
      { reference: "C2", country: "Norge", countryCode: "NO", registrationNumber: "923456789" },
      { reference: "C3", country: "Italia", countryCode: "IT", registrationNumber: "" },
      { reference: "C4", country: "United Kingdom", countryCode: "GB", registrationNumber: "" },
    ]);

    const bad = await importFile(db, who, "customers", {
      text: "Customer No,Company Name,Country\nC5,Nowhere Ltd,Atlantis\n",
      name: "bad.csv",
    });
    expect(bad).toMatchObject({ problemCount: 1 });
    expect(await db.customer.count({ where: { orgId: org.id } })).toBe(4);
  });
});
