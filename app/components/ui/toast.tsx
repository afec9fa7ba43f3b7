import { useLocation } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { Toast } from "~/http/toast.server";

/**
 * Shows the result of the last action in a bar under the console's header, announced to screen
 * readers and dismissable. It takes its own place in the page rather than floating over it, so it
 * never covers a button; and it stays until dismissed or the next page, so nothing moves under
 * the pointer while it is read. A toast is read once (a flash cookie), so a later revalidation of
 * the page (a fetcher's submission, say) brings none: that does not hide the one being shown.
 */
export function ToastMessage({ toast: latest }: { toast: Toast | null }) {
  const [toast, setToast] = useState(latest);
  const { key } = useLocation();
  useEffect(() => setToast(latest), [key]); // eslint-disable-line react-hooks/exhaustive-deps -- a new page only
  useEffect(() => {
    if (latest) setToast(latest);
  }, [latest]);
  if (!toast) return null;
  return (
    <div
      role={toast.type === "error" ? "alert" : "status"}
      className={`mx-4 mt-3 flex items-start gap-3 rounded-theme border bg-card px-4 py-3 text-sm ${toast.type === "error" ? "border-danger text-danger" : "border-border"}`}
    >
      <span className="flex-1">{toast.message}</span>
      <button
        type="button"
        onClick={() => setToast(null)}
        aria-label="Dismiss"
        className="text-muted hover:text-foreground"
      >
        ×
      </button>
    </div>
  );
}
