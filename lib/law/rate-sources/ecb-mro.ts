import { badFile, csvRows, type ParsedRateFile, percentText, sortObservations } from "./observations";

// The ECB Data Portal's SDMX CSV ("format=csvdata") for the main refinancing
// operations fixed rate, series FM.D.U2.EUR.4F.KR.MRR_FR.LEV ("date of
// changes"): a header row of SDMX dimension and attribute names (KEY, FREQ,
// ..., TIME_PERIOD, OBS_VALUE, ..., TITLE, ...), then one row per change with
// the day it took effect. Columns are found by name: "detail=dataonly" sends
// ten of them, the full answer about forty.
// https://data-api.ecb.europa.eu/service/data/FM/D.U2.EUR.4F.KR.MRR_FR.LEV?format=csvdata

export const ECB_MRO_URL =
  "https://data-api.ecb.europa.eu/service/data/FM/D.U2.EUR.4F.KR.MRR_FR.LEV?format=csvdata&detail=dataonly";
const WHAT = "ECB Data Portal file";

export function parseEcbMroCsv(text: string): ParsedRateFile {
  const rows = csvRows(text, ",");
  if (!rows.length) throw badFile(WHAT, "the file is empty.");
  const header = rows[0].map((h) => h.trim());
  const col = (name: string) => header.indexOf(name);
  const [key, period, value, instrument] = [col("KEY"), col("TIME_PERIOD"), col("OBS_VALUE"), col("PROVIDER_FM_ID")];
  if (period < 0 || value < 0)
    throw badFile(WHAT, "no TIME_PERIOD and OBS_VALUE columns: download the series as SDMX CSV (format=csvdata).");
  const observations = rows.slice(1).flatMap((cells, i) => {
    const series = key >= 0 ? cells[key] : "";
    const isMro = key >= 0 ? series.includes(".KR.MRR_FR.LEV") : instrument < 0 || cells[instrument] === "MRR_FR";
    if (!isMro)
      throw badFile(
        WHAT,
        `line ${i + 2} is series ${series || cells[instrument]}, not the main refinancing rate (FM.D.U2.EUR.4F.KR.MRR_FR.LEV).`,
      );
    const date = cells[period]?.trim();
    const raw = cells[value]?.trim() ?? "";
    if (!raw || raw === "NaN") return [];
    const percent = percentText(raw);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date ?? "") || !percent)
      throw badFile(WHAT, `line ${i + 2} has no day and rate ("${date}", "${raw}").`);
    return [{ date, percent }];
  });
  if (!observations.length) throw badFile(WHAT, "it holds no main refinancing rate.");
  return {
    series: "ECB_MRO",
    observations: sortObservations(observations),
    seriesKey: "FM.D.U2.EUR.4F.KR.MRR_FR.LEV",
    daily: false,
  };
}
