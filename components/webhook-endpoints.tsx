"use client";

import { startTransition, useActionState } from "react";
import type { ActionResult } from "@/lib/actions/run-action";
import { FieldError, FormMessage } from "./action-feedback";
import { SecretOnce } from "./api-tokens";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

const input =
  "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";
const primary =
  "shrink-0 whitespace-nowrap rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60";

/** Register an endpoint: its URL and the events it wants; the signing secret is shown once after. */
export function CreateWebhookEndpointForm({ action, eventTypes }: { action: Action; eventTypes: readonly string[] }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const secret = state?.ok ? (state.data as { secret?: string } | undefined)?.secret : undefined;
  return (
    <div className="mt-4 space-y-4">
      {secret && (
        <SecretOnce what="signing secret" secret={secret}>
          Verify each delivery&apos;s <code className="font-mono">webhook-signature</code> with it (Standard Webhooks).
        </SecretOnce>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          startTransition(() => formAction(data));
        }}
        className="space-y-3"
        noValidate
        key={state?.ok ? state.message : "form"}
      >
        <div>
          <label htmlFor="webhook-url" className="block text-sm font-medium text-slate-700">
            Receiver URL
          </label>
          <input
            id="webhook-url"
            name="url"
            type="url"
            placeholder="https://erp.example.com/hooks/dunning"
            aria-describedby="webhook-url-error"
            className={input}
          />
          <FieldError id="webhook-url-error" state={state} field="url" />
        </div>
        <fieldset aria-describedby="webhook-events-error">
          <legend className="block text-sm font-medium text-slate-700">Events</legend>
          <div className="mt-1 grid grid-cols-1 gap-1 text-sm sm:grid-cols-2">
            {eventTypes.map((type) => (
              <label key={type} className="flex items-center gap-2 font-mono text-xs">
                <input type="checkbox" name="events" value={type} defaultChecked={type === "letter.sent"} /> {type}
              </label>
            ))}
          </div>
          <FieldError id="webhook-events-error" state={state} field="events" />
        </fieldset>
        <div className="flex items-center gap-3">
          <button type="submit" disabled={pending} className={primary}>
            {pending ? "Registering…" : "Register endpoint"}
          </button>
          {!secret && <FormMessage state={state} />}
        </div>
      </form>
    </div>
  );
}
