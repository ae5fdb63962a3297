import { db } from "@/lib/db/client";
import { countryOptions, currencyOptions, timeZoneOptions } from "@/lib/iso/codes";
import { clockNow } from "@/lib/time/dates";
import { needsSetup } from "./run-setup";
import { submitSetup } from "./submit-setup";

/** Whether this server still waits for its first organization (the sign-in page sends people to setup then). */
export const serverNeedsSetup = () => needsSetup(db());

/** The choices the company's forms offer (setup and settings). */
export const organizationFormOptions = () => ({
  countries: countryOptions(),
  currencies: currencyOptions(),
  timeZones: timeZoneOptions(),
});

/** The setup form's post, on the app's database and clock. */
export const submitSetupForm = (raw: Record<string, unknown>) => submitSetup(db(), raw, clockNow());
