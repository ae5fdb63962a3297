import { actionDefinition } from "@/lib/actions/run-action";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { enterRate, enterRateSchema } from "./enter-rate";
import { importRates, importRatesSchema } from "./import-rates";
import { setBaseCurrency, setBaseCurrencySchema } from "./set-base-currency";

// Server-action definitions for lib/rates: exchange rates are the administrators'.

export const enterRateAction = actionDefinition({
  name: "rates.enter",
  roles: ADMIN_ONLY,
  schema: enterRateSchema,
  run: (ctx, input) => enterRate(ctx.db, { orgId: ctx.orgId, userId: ctx.userId, input }),
});

export const importRatesAction = actionDefinition({
  name: "rates.import_csv",
  roles: ADMIN_ONLY,
  schema: importRatesSchema,
  run: (ctx, input) => importRates(ctx.db, { orgId: ctx.orgId, userId: ctx.userId, input }),
});

export const setBaseCurrencyAction = actionDefinition({
  name: "rates.set_base_currency",
  roles: ADMIN_ONLY,
  schema: setBaseCurrencySchema,
  run: (ctx, input) => setBaseCurrency(ctx.db, { orgId: ctx.orgId, userId: ctx.userId, input }),
});
