import { connection } from 'next/server';
import type { ReactNode } from 'react';

export const metadata = { title: 'Shop — Next.js' };

/** Rendered per request: the CSP nonce is new every time. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
