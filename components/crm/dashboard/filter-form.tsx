'use client';
// The filter bar's form: a plain GET form (next/form navigates without a full reload). With
// JavaScript a change applies at once; without it the "Anwenden" button does.
import Form from 'next/form';
import { useRef } from 'react';

export function FilterForm({ label, action = '/crm', children }: { label: string; action?: string; children: React.ReactNode }) {
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const onChange = (event: React.FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement;
    clearTimeout(timer.current);
    // Boxes apply at once; typed numbers and searches after a pause.
    const delay = target.type === 'checkbox' ? 0 : 700;
    timer.current = setTimeout(() => formRef.current?.requestSubmit(), delay);
  };
  return (
    <Form ref={formRef} action={action} className="filter-bar" aria-label={label} onChange={onChange}>
      {children}
    </Form>
  );
}
