import { useState } from 'react';
import { useStore } from '../../store';

/**
 * Copies a value (an IP address, a MAC) and says so, also to screen readers (one live region).
 * "Copied" is shown for the value that was copied: a row's elements can pass to another camera
 * (table-rows.tsx, RowSlots), and the button with them.
 */
export function CopyButton({ value, label, what }: { value: string; label: string; what: string }) {
  const [copiedValue, setCopiedValue] = useState<string | null>(null);
  const copied = copiedValue === value;
  const announce = useStore((s) => s.announce);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopiedValue(value);
      announce(`Copied ${what} ${value}`);
      window.setTimeout(() => setCopiedValue((v) => (v === value ? null : v)), 1500);
    } catch {
      setCopiedValue(null);
      announce(`Could not copy the ${what}`);
    }
  }
  return (
    <button
      type="button"
      className="copy"
      aria-label={label}
      title={label}
      onClick={() => void copy()}
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" focusable="false">
        {copied ? (
          <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="1.8" />
        ) : (
          <path
            d="M5 5V2.5h8.5V11H11M2.5 5h8.5v8.5H2.5z"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.3"
          />
        )}
      </svg>
    </button>
  );
}
