/**
 * The hosted pages' template filler (plurals included) and their error-code map, shared so the
 * widgets word copy and refusals exactly as the hosted pages do. Loaded on demand with the
 * first copy (messages.ts): the initial module stays within its size budget.
 */
export { authErrorMessage } from "~/i18n/auth-errors";
export { formatMessage } from "~/i18n/format";
