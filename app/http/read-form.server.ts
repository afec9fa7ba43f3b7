/**
 * The form a page's action was sent. Pages only take HTML form posts; anything else (JSON, a
 * cut-off or broken multipart body) is the sender's mistake, so it gets a 4xx naming what was
 * wrong instead of the 500 an unhandled `request.formData()` error would become.
 */
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

export function isFormContentType(contentType: string | null): boolean {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  return FORM_TYPES.includes(type);
}

export async function readForm(request: Request): Promise<FormData> {
  if (!isFormContentType(request.headers.get("content-type"))) {
    throw new Response(
      "This page takes HTML form posts only (application/x-www-form-urlencoded or multipart/form-data).",
      {
        status: 415,
      },
    );
  }
  try {
    return await request.formData();
  } catch {
    throw new Response("The form could not be read (its body is malformed or incomplete). Send it again.", {
      status: 400,
    });
  }
}
