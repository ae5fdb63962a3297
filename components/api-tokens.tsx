"use client";

import { startTransition, useActionState } from "react";
import type { ActionResult } from "@/lib/actions/run-action";
import { FieldError, FormMessage } from "./action-feedback";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

const input =
  "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";
const primary =
  "shrink-0 whitespace-nowrap rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60";
const danger =
  "rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-60";

/** A secret shown once, right after it was made: selectable, with what to do with it. */
export function SecretOnce({ what, secret, children }: { what: string; secret: string; children: React.ReactNode }) {
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
      <p className="font-semibold text-amber-900">Copy this {what} now. It is shown this once and never again.</p>
      <code className="mt-2 block select-all break-all rounded bg-white px-2 py-1.5 font-mono text-xs text-slate-900">
        {secret}
      </code>
      <p className="mt-2 text-amber-900">{children}</p>
    </div>
  );
}

/** The create form; after a success it shows the new token once, with a warning that it will not be shown again. */
export function CreateApiTokenForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const secret = state?.ok ? (state.data as { secret?: string } | undefined)?.secret : undefined;
  return (
    <div className="mt-4 space-y-4">
      {secret && (
        <SecretOnce what="token" secret={secret}>
          Send it as <code className="font-mono">Authorization: Bearer &lt;token&gt;</code>. The API reference is at{" "}
          <a className="underline" href="/api/docs">
            /api/docs
          </a>
          .
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
          <label htmlFor="token-name" className="block text-sm font-medium text-slate-700">
            Name (the system that will hold it)
          </label>
          <input
            id="token-name"
            name="name"
            autoComplete="off"
            placeholder="Tripletex sync"
            aria-describedby="token-name-error"
            className={input}
          />
          <FieldError id="token-name-error" state={state} field="name" />
        </div>
        <fieldset aria-describedby="token-scopes-error">
          <legend className="block text-sm font-medium text-slate-700">Scopes</legend>
          <div className="mt-1 flex flex-wrap gap-4 text-sm">
            <label className="flex items-center gap-2">
              <input type="checkbox" name="scopes" value="read" defaultChecked /> Read (reports, customers, letters)
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="scopes" value="write" /> Write (customers, invoices, payments, letters)
            </label>
          </div>
          <FieldError id="token-scopes-error" state={state} field="scopes" />
        </fieldset>
        <div className="max-w-xs">
          <label htmlFor="token-expires" className="block text-sm font-medium text-slate-700">
            Expires on (optional)
          </label>
          <input
            id="token-expires"
            name="expiresOn"
            type="date"
            aria-describedby="token-expires-error"
            className={input}
          />
          <FieldError id="token-expires-error" state={state} field="expiresOn" />
        </div>
        <div className="flex items-center gap-3">
          <button type="submit" disabled={pending} className={primary}>
            {pending ? "Creating…" : "Create token"}
          </button>
          {!secret && <FormMessage state={state} />}
        </div>
      </form>
    </div>
  );
}

export function RevokeApiTokenButton({ action, tokenId, name }: { action: Action; tokenId: string; name: string }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(`Revoke "${name}"? Requests with it are refused at once.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="tokenId" value={tokenId} />
      <button type="submit" disabled={pending} className={danger} aria-label={`Revoke ${name}`}>
        {pending ? "Revoking…" : "Revoke"}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
