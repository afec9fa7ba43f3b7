import { useEffect, useState } from "react";
import type { Toast } from "~/http/toast.server";

/** Shows the result of the last action; announced to screen readers, dismissable, fades after 6 s. */
export function ToastMessage({ toast }: { toast: Toast | null }) {
  const [visible, setVisible] = useState(Boolean(toast));
  useEffect(() => {
    setVisible(Boolean(toast));
    if (!toast) return;
    const timer = setTimeout(() => setVisible(false), 6000);
    return () => clearTimeout(timer);
  }, [toast]);
  if (!toast || !visible) return null;
  return (
    <div
      role={toast.type === "error" ? "alert" : "status"}
      className={`fixed right-4 bottom-4 z-50 flex max-w-sm items-start gap-3 rounded-theme border bg-card px-4 py-3 text-sm shadow-lg ${toast.type === "error" ? "border-danger text-danger" : "border-border"}`}
    >
      <span className="flex-1">{toast.message}</span>
      <button
        type="button"
        onClick={() => setVisible(false)}
        aria-label="Dismiss"
        className="text-muted hover:text-foreground"
      >
        ×
      </button>
    </div>
  );
}
