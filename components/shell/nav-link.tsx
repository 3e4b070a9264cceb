'use client';
// A navigation link that marks the current section for assistive technology: of the links whose
// address the page's path starts with (/crm and /crm/followups), the longest one.
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const covers = (href: string, pathname: string) => pathname === href || pathname.startsWith(`${href}/`);

export function NavLink({ href, siblings, children }: { href: string; siblings: readonly string[]; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = covers(href, pathname) && !siblings.some((other) => other.length > href.length && covers(other, pathname));
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
