"use client";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body
        style={{
          fontFamily: "system-ui, sans-serif",
          display: "grid",
          placeItems: "center",
          minHeight: "100vh",
          margin: 0,
        }}
      >
        <main style={{ textAlign: "center", maxWidth: 420 }}>
          <h1 style={{ fontSize: 20 }}>Partner Desk hit an unexpected error</h1>
          <p style={{ color: "#71717a" }}>
            It was logged{error.digest ? ` (reference ${error.digest})` : ""}. Please try again.
          </p>
          <button
            onClick={reset}
            style={{ padding: "8px 16px", borderRadius: 6, border: "1px solid #d4d4d8", cursor: "pointer" }}
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
