import { useEffect, useMemo, useRef, useState } from "react";
import { Card } from "~/components/ui/layout";
import { SelectField } from "~/components/ui/select-field";
import { LOCALE_NAMES, LOCALES, type Locale } from "~/i18n/locales";
import { PREVIEW_MESSAGE, PREVIEW_READY, type PreviewMessage } from "~/theme/preview";
import type { Theme } from "~/theme/theme";

const PREVIEW_SIZES = {
  desktop: { width: 1024, height: 720, scale: 0.4 },
  phone: { width: 390, height: 760, scale: 0.56 },
};

/**
 * The live preview of the hosted sign-in page, light and dark: each frame gets the theme being
 * edited (and its checked custom CSS) by postMessage, on every change and whenever it (re)loads.
 */
export function ThemePreview({ tenantSlug, theme, css }: { tenantSlug: string; theme: Theme; css: string }) {
  const [previewLocale, setPreviewLocale] = useState<Locale>(theme.locale.default);
  const [previewSize, setPreviewSize] = useState<keyof typeof PREVIEW_SIZES>("desktop");
  const frames = useRef<(HTMLIFrameElement | null)[]>([]);
  const message: PreviewMessage = useMemo(
    () => ({ type: PREVIEW_MESSAGE, theme, css, locale: previewLocale }),
    [theme, css, previewLocale],
  );
  const post = (frame: HTMLIFrameElement | null) => frame?.contentWindow?.postMessage(message, window.location.origin);
  useEffect(() => frames.current.forEach(post));
  useEffect(() => {
    const onReady = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || event.data?.type !== PREVIEW_READY) return;
      frames.current.filter((frame) => frame?.contentWindow === event.source).forEach(post);
    };
    window.addEventListener("message", onReady);
    return () => window.removeEventListener("message", onReady);
  });

  const size = PREVIEW_SIZES[previewSize];
  return (
    <Card title="Preview">
      <div className="mb-4 flex flex-wrap items-end gap-4">
        <SelectField
          label="Preview width"
          value={previewSize}
          options={[
            { value: "desktop", label: "Desktop" },
            { value: "phone", label: "Phone" },
          ]}
          onChange={(event) => setPreviewSize(event.target.value as keyof typeof PREVIEW_SIZES)}
        />
        <SelectField
          label="Preview language"
          value={previewLocale}
          options={LOCALES.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }))}
          onChange={(event) => setPreviewLocale(event.target.value as Locale)}
        />
      </div>
      <div className="flex flex-wrap gap-4">
        {(["light", "dark"] as const).map((mode, index) => (
          <figure key={mode} className="flex max-w-full flex-col gap-1">
            <figcaption className="text-xs font-medium text-muted">{mode === "light" ? "Light" : "Dark"}</figcaption>
            {/* On a screen narrower than the preview, its right edge is cut rather than the page
                scrolling sideways (the phone preview width fits). */}
            <div
              className="max-w-full overflow-hidden rounded-theme border border-border"
              style={{ width: size.width * size.scale, height: size.height * size.scale }}
            >
              <iframe
                ref={(frame) => {
                  frames.current[index] = frame;
                }}
                title={`Sign-in preview, ${mode}`}
                src={`/admin/${tenantSlug}/branding/preview?mode=${mode}`}
                onLoad={(event) => post(event.currentTarget)}
                style={{
                  width: size.width,
                  height: size.height,
                  transform: `scale(${size.scale})`,
                  transformOrigin: "0 0",
                }}
                className="border-0"
              />
            </div>
          </figure>
        ))}
      </div>
    </Card>
  );
}
