export function Logo({ compact = false }: { compact?: boolean }) {
  return (
    <span className="inline-flex items-center gap-2 font-semibold tracking-tight text-slate-900">
      <svg aria-hidden width="26" height="26" viewBox="0 0 32 32">
        <rect width="32" height="32" rx="7" fill="#2553e0" />
        <path d="M9 9h8.5a7 7 0 0 1 0 14H9z" fill="none" stroke="#fff" strokeWidth="3" />
        <path d="M14 16h9" stroke="#9db8ff" strokeWidth="3" strokeLinecap="round" />
      </svg>
      {!compact && <span className="text-lg">Dunning Desk</span>}
    </span>
  );
}
