import { refuseWebhookTarget, SSRF_REFUSAL } from "~/webhooks/ssrf.server";
import { checkImage, MAX_ASSET_BYTES, type CheckedImage } from "./images.server";

/**
 * Copies an image an admin gave as an https URL into the tenant's own assets, once, when the
 * theme is saved. Hosted pages then never load anything from another host (no tracking of
 * who signs in, no broken logo when that host is down later), and a URL that does not answer
 * with a readable image is refused on the field right away. The same SSRF guard as webhooks
 * applies to every hop (a tenant admin must not make Portico probe its private network).
 */
const TIMEOUT_MS = 5_000;
const MAX_REDIRECTS = 3;

export async function fetchRemoteImage(url: string): Promise<CheckedImage> {
  let target = new URL(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (target.protocol !== "https:") return { ok: false, message: "Image URLs must use https." };
    const refusal = await refuseWebhookTarget(target);
    if (refusal === SSRF_REFUSAL)
      return { ok: false, message: "This URL points to a private or local address, which Portico does not fetch." };
    if (refusal) return { ok: false, message: `Could not load the image: ${refusal}` };
    let response: Response;
    try {
      response = await fetch(target, {
        redirect: "manual",
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: { accept: "image/*" },
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === "TimeoutError";
      return {
        ok: false,
        message: timedOut
          ? `${target.host} did not answer within ${TIMEOUT_MS / 1000} seconds. Upload the image instead.`
          : `${target.host} could not be reached. Upload the image instead.`,
      };
    }
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      target = new URL(location, target);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, message: `${target.host} answered ${response.status} for this image. Upload it instead.` };
    }
    const bytes = await readLimited(response);
    if (!bytes) return { ok: false, message: "The image at this URL is larger than 1 MB." };
    return checkImage(bytes);
  }
  return { ok: false, message: "This URL redirects too many times." };
}

/** The body, or null as soon as it grows past the asset limit (never buffers a huge file). */
async function readLimited(response: Response): Promise<Uint8Array | null> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ASSET_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
