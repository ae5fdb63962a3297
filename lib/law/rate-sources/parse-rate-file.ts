import type { RateSeriesId } from "../profile-types";
import { parseBoeBankRateCsv } from "./boe-bank-rate";
import { parseEcbMroCsv } from "./ecb-mro";
import { parseNorgesBankPolicy } from "./norges-bank-policy";
import type { ParsedRateFile } from "./observations";

/** One parser per series, shared by the worker's fetch and the admin's upload. */
export const RATE_FILE_PARSERS: Record<RateSeriesId, (text: string) => ParsedRateFile> = {
  ECB_MRO: parseEcbMroCsv,
  NO_POLICY: parseNorgesBankPolicy,
  BOE_BANK: parseBoeBankRateCsv,
};
