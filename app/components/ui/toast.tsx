import { useEffect, useState } from "react";
import type { Toast } from "~/http/toast.server";

/**
 * Shows the result of the last action; announced to screen readers, dismissable, fades after
 * 6 s. A toast is read once (a flash cookie), so a later revalidation of the page (a fetcher's
 * submission, say) brings none: that does not hide the one being shown.
 */
export function ToastMessage({ toast: latest }: { toast: Toast | null }) {
  const [toast, setToast] = useState(latest);
  useEffect(() => {
    if (latest) setToast(latest);
  }, [latest]);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 6000);
    return () => clearTimeout(timer);
  }, [toast]);
  if (!toast) return null;
  return (
    <div
      role={toast.type === "error" ? "alert" : "status"}
      className={`fixed end-4 bottom-4 z-50 flex max-w-sm items-start gap-3 rounded-theme border bg-card px-4 py-3 text-sm shadow-lg ${toast.type === "error" ? "border-danger text-danger" : "border-border"}`}
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
