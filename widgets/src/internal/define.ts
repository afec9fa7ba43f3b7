/** Registers a tag once: a page that loads the module twice (two versions, a reload) keeps the first. */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
