export function Logo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden>
      <rect width="32" height="32" rx="8" className="fill-primary" />
      <path d="M9 22V10h7.5a4.5 4.5 0 0 1 0 9H13" fill="none" stroke="white" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
      <circle cx="22.5" cy="22" r="1.8" fill="white" />
    </svg>
  );
}
