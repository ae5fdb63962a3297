import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

// A page's filters and its exports read one query schema. The page reads it
// leniently (a hand-edited link falls back to the default for the bad value, and
// the page still opens); an export reads it strictly, so a file never silently
// holds other rows than the ones asked for: a bad value is a 400 naming it.

type QueryInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** The first value of each parameter; blank ones left out (a form's empty field means "no filter"). */
export function queryValues(params: QueryInput): Record<string, string> {
  const entries =
    params instanceof URLSearchParams
      ? [...params.keys()].map((k) => [k, params.get(k)] as const)
      : Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const);
  return Object.fromEntries(entries.filter((e): e is readonly [string, string] => !!e[1]?.trim()));
}

/** The same schema with each field falling back to its default (or absence) when its value is bad. */
export function lenientQuery<S extends z.ZodObject>(schema: S): S {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => {
      const f = field as z.ZodType;
      return [key, f.catch(() => f.parse(undefined))];
    }),
  );
  // Each field's output type is unchanged by .catch, so the object's is too.
  return z.object(shape) as unknown as S;
}

/** Parses the query strictly with the page's schema; a bad value throws INVALID_INPUT naming the parameter. */
export function parseQueryStrict<S extends z.ZodObject>(schema: S, params: QueryInput): z.output<S> {
  const parsed = schema.safeParse(queryValues(params));
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`);
  const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "query"), [i.message]]));
  throw new AppError(
    "INVALID_INPUT",
    `The filter is not valid (${issues.join("; ")}). Nothing was exported.`,
    fieldErrors,
  );
}
