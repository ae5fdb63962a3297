import Link from "next/link";

export function Pager({
  page,
  pageSize,
  total,
  hrefFor,
  noun = "accounts",
}: {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
  noun?: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50";
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between text-sm text-slate-600">
      <span>
        {total === 0 ? (page > 1 ? "Past the last page." : `No ${noun}.`) : `${first}–${last} of ${total} ${noun}`}
      </span>
      <div className="flex gap-2">
        {page > 1 && (
          <Link className={button} href={hrefFor(page > pages ? 1 : page - 1)}>
            {page > pages ? "First page" : "Previous"}
          </Link>
        )}
        {page < pages && (
          <Link className={button} href={hrefFor(page + 1)}>
            Next
          </Link>
        )}
      </div>
    </nav>
  );
}
