'use client';
// A <details> drop-down that behaves like a menu: it closes when a pointer or the keyboard focus goes
// elsewhere, so an open panel never lies over what the user works on next, and on Escape, which
// puts the focus back on its summary. Without JavaScript it is a plain <details>.
import { useEffect, useRef } from 'react';

export function MenuDetails({
  className,
  defaultOpen,
  children,
}: {
  className?: string;
  defaultOpen?: boolean;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const closeIfOutside = (event: Event) => {
      if (details.open && !details.contains(event.target as Node)) details.open = false;
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !details.open) return;
      details.open = false;
      details.querySelector('summary')?.focus();
    };
    document.addEventListener('pointerdown', closeIfOutside);
    document.addEventListener('focusin', closeIfOutside);
    details.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeIfOutside);
      document.removeEventListener('focusin', closeIfOutside);
      details.removeEventListener('keydown', closeOnEscape);
    };
  }, []);
  return (
    <details ref={ref} className={className} open={defaultOpen}>
      {children}
    </details>
  );
}
