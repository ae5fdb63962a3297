import { badFile, csvRows, type ParsedRateFile, percentText, sortObservations } from "./observations";

// Norges Bank's open data (SDMX), dataflow IR, key B.KPRA.SD.R: the policy rate
// (styringsrenten) every business day. Two formats are read, as Norges Bank
// serves them:
// - CSV ("format=csv"): semicolon-separated, each dimension as a code column
//   and a label column (FREQ;Frequency;INSTRUMENT_TYPE;Instrument Type;...;
//   TIME_PERIOD;OBS_VALUE;...), one row per business day.
// - SDMX-JSON ("format=sdmx-json"): data.dataSets[0].series["0:0:0:0"].
//   observations {"<index>": ["4.25"]}, the days in data.structure.dimensions.
//   observation[0].values[index].id.
// https://data.norges-bank.no/api/data/IR/B.KPRA.SD.R?format=csv&locale=en

export const NORGES_BANK_POLICY_URL = "https://data.norges-bank.no/api/data/IR/B.KPRA.SD.R?format=csv&locale=en";
const WHAT = "Norges Bank file";
const KEY = "IR B.KPRA.SD.R";

export function parseNorgesBankPolicy(text: string): ParsedRateFile {
  const trimmed = text.replace(/^\uFEFF/, "").trimStart();
  const observations = trimmed.startsWith("{") ? fromJson(trimmed) : fromCsv(trimmed);
  if (!observations.length) throw badFile(WHAT, "it holds no policy rate.");
  return { series: "NO_POLICY", observations: sortObservations(observations), seriesKey: KEY, daily: true };
}

function fromCsv(text: string) {
  const rows = csvRows(text, ";");
  const header = (rows[0] ?? []).map((h) => h.trim());
  const col = (name: string) => header.indexOf(name);
  const [period, value, instrument] = [col("TIME_PERIOD"), col("OBS_VALUE"), col("INSTRUMENT_TYPE")];
  if (period < 0 || value < 0)
    throw badFile(WHAT, "no TIME_PERIOD and OBS_VALUE columns: download IR B.KPRA.SD.R as CSV or SDMX-JSON.");
  return rows.slice(1).flatMap((cells, i) => {
    if (instrument >= 0 && cells[instrument] !== "KPRA")
      throw badFile(WHAT, `line ${i + 2} is ${cells[instrument]}, not the key policy rate (KPRA).`);
    return observation(cells[period], cells[value], `line ${i + 2}`);
  });
}

function observation(day: string | undefined, raw: string | undefined, where: string) {
  const value = raw?.trim() ?? "";
  if (!value) return [];
  const percent = percentText(value);
  const date = day?.trim() ?? "";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !percent)
    throw badFile(WHAT, `${where} has no day and rate ("${date}", "${value}").`);
  return [{ date, percent }];
}

interface SdmxJson {
  data?: {
    dataSets?: { series?: Record<string, { observations?: Record<string, unknown[]> }> }[];
    structure?: {
      dimensions?: {
        series?: { id: string; values: { id: string }[] }[];
        observation?: { id: string; values: { id: string }[] }[];
      };
    };
  };
}

function fromJson(text: string) {
  let doc: SdmxJson;
  try {
    doc = JSON.parse(text) as SdmxJson;
  } catch {
    throw badFile(WHAT, "the JSON could not be read.");
  }
  const dims = doc.data?.structure?.dimensions;
  const instrument = dims?.series?.find((d) => d.id === "INSTRUMENT_TYPE");
  if (instrument && !instrument.values.some((v) => v.id === "KPRA"))
    throw badFile(WHAT, "the file is not the key policy rate (KPRA).");
  const days = dims?.observation?.find((d) => d.id === "TIME_PERIOD")?.values;
  const series = Object.values(doc.data?.dataSets?.[0]?.series ?? {});
  if (!days || series.length !== 1)
    throw badFile(WHAT, "expected one SDMX-JSON series with TIME_PERIOD observations (IR B.KPRA.SD.R).");
  return Object.entries(series[0].observations ?? {}).flatMap(([index, values]) =>
    observation(days[Number(index)]?.id, values[0] == null ? "" : String(values[0]), `observation ${index}`),
  );
}
