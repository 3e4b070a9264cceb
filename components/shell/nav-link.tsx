'use client';
// A navigation link that marks the current section for assistive technology.
import Link from 'next/link';
import { usePathname } from 'next/navigation';

export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={current ? 'page' : undefined}
      className="nav-link"
      // A client-side navigation keeps the header: close the phone menu the link was chosen from.
      onClick={(event) => event.currentTarget.closest('details')?.removeAttribute('open')}
    >
      {children}
    </Link>
  );
}
