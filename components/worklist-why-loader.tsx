"use client";

import { useEffect } from "react";

/**
 * The worklist rows' "Why": each row shows its main reason in a <details>; the
 * first time one opens, this fetches the account's other reasons and its policy
 * (GET /api/worklist/why) into the list under it. One listener for the whole
 * table (toggle does not bubble, so it listens while capturing): no client
 * component, and no props, per row.
 */
export function WorklistWhyLoader({ tableId }: { tableId: string }) {
  useEffect(() => {
    const table = document.getElementById(tableId);
    if (!table) return;
    const onToggle = (event: Event) => {
      const details = event.target;
      if (!(details instanceof HTMLDetailsElement) || !details.open || !details.dataset.why) return;
      const list = details.querySelector("ul");
      if (!list || details.dataset.loaded) return;
      details.dataset.loaded = "1";
      const show = (lines: string[]) =>
        list.replaceChildren(
          ...lines.map((line) => {
            const li = document.createElement("li");
            li.textContent = line;
            return li;
          }),
        );
      show(["Loading…"]);
      void loadWhy(details.dataset.why).then(
        (why) => show([...why.reasons.slice(1), `Policy: ${why.policy}`]),
        (error: Error) => {
          delete details.dataset.loaded; // opening it again retries
          show([error.message]);
        },
      );
    };
    table.addEventListener("toggle", onToggle, true);
    return () => table.removeEventListener("toggle", onToggle, true);
  }, [tableId]);
  return null;
}

async function loadWhy(account: string): Promise<{ reasons: string[]; policy: string }> {
  const response = await fetch(`/api/worklist/why?account=${encodeURIComponent(account)}`, { cache: "no-store" });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.message ?? "The reasons could not be loaded. Open the row again to retry.");
  return body;
}
