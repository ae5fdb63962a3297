"use client";

import { type ReactNode, useState } from "react";

/**
 * A form behind its title. The form is built the first time the panel is opened, so the
 * page does not carry the markup of every form it offers (the customer page offers a dozen);
 * once built it stays, so what was typed survives closing the panel.
 */
export function FormPanel({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="group rounded-xl border border-slate-200 bg-white shadow-sm"
      data-testid={testId}
      onToggle={(event) => {
        if (event.currentTarget.open) setOpened(true);
      }}
    >
      <summary className="cursor-pointer select-none px-4 py-3 text-sm font-semibold text-slate-800 hover:bg-slate-50">
        {title}
      </summary>
      <div className="border-t border-slate-100 p-4">{opened ? children : null}</div>
    </details>
  );
}
