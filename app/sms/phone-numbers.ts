/**
 * Phone numbers in E.164 form: "+", a country code and the subscriber number, 8 to 15 digits
 * in all, as SMS gateways expect them. Spaces, dots, dashes and brackets people type are
 * dropped first. Shared by the server and the hosted pages.
 */
const E164 = /^\+[1-9]\d{7,14}$/;

export function isE164(value: string): boolean {
  return E164.test(value);
}

/** The E.164 form of what someone typed, or null when it cannot be one. */
export function normalizePhoneNumber(input: string): string | null {
  const compact = input.trim().replace(/[\s().-]/g, "");
  const withPlus = compact.startsWith("00") ? `+${compact.slice(2)}` : compact;
  return isE164(withPlus) ? withPlus : null;
}

/** "+49 151 ••• 78": enough for its owner to recognise, for pages that show a number back. */
export function maskPhoneNumber(phone: string): string {
  return `${phone.slice(0, 3)} ••• ${phone.slice(-2)}`;
}
