import type { Metadata } from "next";
import { connection } from "next/server";
import { Toaster } from "@/components/ui/toaster";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Partner Desk", template: "%s · Partner Desk" },
  description: "The back office for Wallex partners.",
  icons: { icon: "/favicon.svg" },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: the CSP nonce (middleware.ts) is new each time, and a page
  // prerendered at build time would carry scripts without it, which the browser refuses.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-background text-foreground antialiased">
        <Providers>{children}</Providers>
        <Toaster />
      </body>
    </html>
  );
}
