import type { LitElement } from 'lit';

const mounted: HTMLElement[] = [];

/** Mounts HTML inside a <main> landmark and waits for every Lit element in it to render. */
export async function fixture<T extends Element = HTMLElement>(
  markup: string,
  lang = 'sv',
): Promise<T> {
  const main = document.createElement('main');
  main.lang = lang;
  main.innerHTML = markup;
  document.body.append(main);
  mounted.push(main);
  await settle(main);
  return main.firstElementChild as T;
}

export async function settle(root: Element): Promise<void> {
  await new Promise((r) => setTimeout(r, 0));
  const elements = [root, ...root.querySelectorAll('*')].filter(
    (el): el is LitElement => 'updateComplete' in el,
  );
  await Promise.all(elements.map((el) => el.updateComplete));
}

export function cleanup(): void {
  for (const el of mounted.splice(0)) el.remove();
}

/** The element's shadow root, typed. */
export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no shadow root`);
  return el.shadowRoot;
}

export function part<T extends Element = HTMLElement>(el: Element, name: string): T | null {
  return shadow(el).querySelector<T>(`[part~="${name}"]`);
}
