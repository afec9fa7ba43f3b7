import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import { FormField } from "~/components/form-field";
import { Button } from "~/components/ui/button";
import type { EditorResult } from "~/theme/editor.server";
import { imageUrl, type ImageField, type Theme } from "~/theme/theme";
import { IMAGE_LABELS } from "./field-labels";

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export function ColorField({
  label,
  value,
  error,
  onChange,
}: {
  label: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const valid = HEX.test(value);
  const shownError = error ?? (valid ? undefined : "Enter a hex color such as #4f46e5.");
  const full = valid && value.length === 4 ? `#${[...value.slice(1)].map((digit) => digit + digit).join("")}` : value;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          type="color"
          aria-label={`${label}, color picker`}
          value={valid ? full.toLowerCase() : "#000000"}
          onChange={(event) => onChange(event.target.value)}
          className="h-9 w-11 shrink-0 cursor-pointer rounded-theme border border-border bg-card"
        />
        <input
          id={id}
          value={value}
          spellCheck={false}
          onChange={(event) => onChange(event.target.value.trim())}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={shownError ? `${id}-error` : undefined}
          className="w-28 rounded-theme border border-border bg-card px-2 py-1.5 font-mono text-sm outline-none focus-visible:ring-2 focus-visible:ring-primary aria-invalid:border-danger"
        />
      </div>
      {shownError ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger" aria-live="polite">
          {shownError}
        </p>
      ) : null}
    </div>
  );
}

const ACCEPT = "image/png,image/jpeg,image/webp,image/svg+xml,image/x-icon,.ico,.svg";
/** Above this the request itself would be refused; the server names the 1 MB limit below it. */
const MAX_REQUEST_FILE_BYTES = 1.9 * 1024 * 1024;

/** Upload by drag and drop or file picker (checked by the server), or an https URL copied on save. */
export function ImageInput({
  slug,
  field,
  value,
  error,
  onChange,
}: {
  slug: string;
  field: ImageField;
  value: string;
  error?: string;
  onChange: (ref: string) => void;
}) {
  const id = useId();
  const upload = useFetcher<EditorResult>();
  const [localError, setLocalError] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const { label, hint } = IMAGE_LABELS[field];
  const result = upload.data && "field" in upload.data && upload.data.field === field ? upload.data : undefined;
  useEffect(() => {
    if (result?.ok) onChange(result.ref);
    // Only a new upload result changes the field.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result]);
  const shownError = localError ?? (result && !result.ok ? result.message : undefined) ?? error;
  const send = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_REQUEST_FILE_BYTES) {
      setLocalError(`The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; images may be at most 1 MB.`);
      return;
    }
    setLocalError(undefined);
    const form = new FormData();
    form.set("intent", "upload");
    form.set("field", field);
    form.set("file", file);
    upload.submit(form, { method: "post", encType: "multipart/form-data" });
  };
  const describedBy = [`${id}-hint`, shownError ? `${id}-error` : null].filter(Boolean).join(" ");
  const preview = imageUrl(value, `/t/${slug}`);
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="text-sm font-medium">{label}</legend>
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          send(event.dataTransfer.files[0]);
        }}
        data-testid={`drop-${field}`}
        className={`flex flex-wrap items-center gap-3 rounded-theme border border-dashed p-3 ${dragging ? "border-primary bg-background" : "border-border"}`}
      >
        {preview ? (
          <img src={preview} alt="" className="h-10 max-w-24 rounded border border-border bg-white object-contain" />
        ) : null}
        <div className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
          <label htmlFor={`${id}-file`} className="text-muted">
            Drop an image here or{" "}
            <span className="font-medium text-primary underline underline-offset-4">choose a file</span>
            <span className="sr-only"> for {label}</span>
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept={ACCEPT}
            aria-describedby={describedBy}
            aria-invalid={shownError ? true : undefined}
            onChange={(event) => send(event.target.files?.[0])}
            className="sr-only"
          />
          {upload.state !== "idle" ? <span role="status">Uploading…</span> : null}
        </div>
        {value ? (
          <Button type="button" variant="secondary" onClick={() => onChange("")}>
            Remove <span className="sr-only">{label}</span>
          </Button>
        ) : null}
      </div>
      <input
        aria-label={`${label} URL`}
        type="url"
        placeholder="or an https URL (copied into Portico when saved)"
        value={value.startsWith("asset:") ? "" : value}
        onChange={(event) => {
          setLocalError(undefined);
          onChange(event.target.value.trim());
        }}
        aria-invalid={shownError ? true : undefined}
        aria-describedby={describedBy}
        className="max-w-full rounded-theme border border-border bg-card px-3 py-2 text-sm outline-none focus-visible:ring-2 focus-visible:ring-primary aria-invalid:border-danger"
      />
      <p id={`${id}-hint`} className="text-sm text-muted">
        {hint} PNG, JPEG, WebP, SVG or ICO, at most 1 MB.
      </p>
      {shownError ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger" aria-live="polite">
          {shownError}
        </p>
      ) : null}
    </fieldset>
  );
}

export function TextArea({
  label,
  value,
  onChange,
  error,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint: string;
}) {
  const id = useId();
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        rows={8}
        value={value}
        spellCheck={false}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="max-w-full rounded-theme border border-border bg-card px-3 py-2 font-mono text-sm outline-none focus-visible:ring-2 focus-visible:ring-primary aria-invalid:border-danger"
      />
      <p id={`${id}-hint`} className="text-sm text-muted">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger" aria-live="polite">
          {error}
        </p>
      ) : null}
    </div>
  );
}
