"use client";

import { startTransition, useActionState, useState } from "react";
import type { ActionResult } from "@/lib/actions/run-action";
import { FieldError, FormMessage } from "./action-feedback";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;
type Role = "ADMIN" | "COLLECTOR" | "VIEWER";

const ROLES: { value: Role; label: string }[] = [
  { value: "ADMIN", label: "Admin: settings, users, templates" },
  { value: "COLLECTOR", label: "Collector: letters, contacts, payments" },
  { value: "VIEWER", label: "Viewer: reads and exports" },
];
const input =
  "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";
const primary =
  "shrink-0 whitespace-nowrap rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60";
const secondary =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60";

export function CreateUserForm({ action, minPasswordLength }: { action: Action; minPasswordLength: number }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement>) => (
    <div>
      <label htmlFor={`new-${name}`} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input id={`new-${name}`} name={name} aria-describedby={`new-${name}-error`} className={input} {...props} />
      <FieldError id={`new-${name}-error`} state={state} field={name} />
    </div>
  );
  return (
    // Submitted by hand so that a refused form keeps what was typed (a form
    // `action` resets its fields); a successful one is remounted empty via its key.
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      className="mt-4 space-y-2"
      noValidate
      key={state?.ok ? state.message : "form"}
    >
      {field("name", "Name", { autoComplete: "off", required: true })}
      {field("email", "Email", { type: "email", autoComplete: "off", required: true })}
      <div>
        <label htmlFor="new-role" className="block text-sm font-medium text-slate-700">
          Role
        </label>
        <select id="new-role" name="role" defaultValue="COLLECTOR" aria-describedby="new-role-error" className={input}>
          {ROLES.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
        <FieldError id="new-role-error" state={state} field="role" />
      </div>
      {field("password", `First password (at least ${minPasswordLength} characters)`, {
        type: "password",
        autoComplete: "new-password",
        required: true,
        minLength: minPasswordLength,
      })}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={primary}>
          {pending ? "Adding…" : "Add user"}
        </button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function UserActions({
  user,
  minPasswordLength,
  setRole,
  setActive,
  resetPassword,
}: {
  user: { id: string; name: string; role: Role; active: boolean };
  minPasswordLength: number;
  setRole: Action;
  setActive: Action;
  resetPassword: Action;
}) {
  const [roleState, roleAction, rolePending] = useActionState(setRole, undefined);
  const [activeState, activeAction, activePending] = useActionState(setActive, undefined);
  const [pwState, pwAction, pwPending] = useActionState(resetPassword, undefined);
  const [lastForm, setLastForm] = useState<"role" | "active" | "password" | null>(null);
  const last = lastForm && { role: roleState, active: activeState, password: pwState }[lastForm];
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <form action={roleAction} onSubmit={() => setLastForm("role")} className="flex items-center gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <label className="sr-only" htmlFor={`role-${user.id}`}>
            Role of {user.name}
          </label>
          <select
            id={`role-${user.id}`}
            name="role"
            defaultValue={user.role}
            key={user.role}
            className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          >
            {ROLES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.value.charAt(0) + r.value.slice(1).toLowerCase()}
              </option>
            ))}
          </select>
          <button type="submit" disabled={rolePending} className={secondary}>
            Save role
          </button>
        </form>
        <form action={activeAction} onSubmit={() => setLastForm("active")}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="active" value={user.active ? "false" : "true"} />
          <button type="submit" disabled={activePending} className={secondary}>
            {user.active ? "Deactivate" : "Reactivate"}
          </button>
        </form>
      </div>
      <details>
        <summary className="cursor-pointer text-xs text-brand-700">Reset password</summary>
        <form
          action={pwAction}
          onSubmit={() => setLastForm("password")}
          className="mt-2 flex flex-wrap items-start gap-2"
          noValidate
        >
          <input type="hidden" name="userId" value={user.id} />
          <label className="sr-only" htmlFor={`pw-${user.id}`}>
            New password for {user.name}
          </label>
          <div>
            <input
              id={`pw-${user.id}`}
              name="password"
              type="password"
              autoComplete="new-password"
              placeholder={`New password, ${minPasswordLength}+ characters`}
              aria-describedby={`pw-${user.id}-error`}
              className="w-64 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            />
            <FieldError id={`pw-${user.id}-error`} state={pwState} field="password" />
          </div>
          <button type="submit" disabled={pwPending} className={secondary}>
            Set password
          </button>
        </form>
      </details>
      {last && <FormMessage state={last} />}
    </div>
  );
}
