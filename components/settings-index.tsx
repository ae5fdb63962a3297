import Link from "next/link";

export interface SettingsSection {
  href: string;
  title: string;
  description: string;
  note?: string;
}

export function SettingsIndex({ sections }: { sections: SettingsSection[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {sections.map((s) => (
        <li key={s.href}>
          <Link
            href={s.href}
            className="block h-full rounded-xl border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-500 hover:shadow"
          >
            <h2 className="font-semibold text-slate-900">{s.title}</h2>
            <p className="mt-1 text-sm text-slate-600">{s.description}</p>
            {s.note && <p className="mt-2 text-xs text-slate-500">{s.note}</p>}
          </Link>
        </li>
      ))}
    </ul>
  );
}
