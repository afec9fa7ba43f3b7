import type { PorticoEventMap, PorticoEventName } from "../src/events";

/** Test helpers for the widgets' unit tests (Chromium). */
export function mount(
  tag: string,
  attributes: Record<string, string>,
  parent: HTMLElement = document.body,
): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  parent.append(element);
  return element;
}

/** The next `name` event from `target`, typed by the event catalog. */
export function next<K extends PorticoEventName>(target: EventTarget, name: K): Promise<PorticoEventMap[K]> {
  return new Promise((resolve) =>
    target.addEventListener(name, (event) => resolve((event as CustomEvent<PorticoEventMap[K]>).detail), {
      once: true,
    }),
  );
}

/** Polls until `read` returns something truthy (Lit renders asynchronously). */
export async function until<T>(read: () => T | null | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("Timed out waiting for the widget.");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const shadowText = (element: HTMLElement) => element.shadowRoot?.textContent?.replace(/\s+/g, " ") ?? "";
