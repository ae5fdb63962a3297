import { db } from "@/lib/db/client";
import { countryOptions, currencyOptions, timeZoneOptions } from "@/lib/iso/codes";
import { needsSetup } from "./run-setup";

/** Whether this server still waits for its first organization (the sign-in page sends people to setup then). */
export const serverNeedsSetup = () => needsSetup(db());

/** The choices the company's forms offer (setup and settings). */
export const organizationFormOptions = () => ({
  countries: countryOptions(),
  currencies: currencyOptions(),
  timeZones: timeZoneOptions(),
});
