import 'axe-core';
import type * as Axe from 'axe-core';

// axe-core is a UMD bundle: importing it for its side effect sets `window.axe` under any loader.
const axe = (globalThis as unknown as { axe: typeof Axe }).axe;

/** Runs axe-core (WCAG 2.0/2.1 A/AA, WCAG 2.2 AA and best practices) on `context`; throws listing any violation. */
export async function expectNoAxeViolations(context: Element, state = ''): Promise<void> {
  const result = await axe.run(context, {
    runOnly: {
      type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    },
    rules: { region: { enabled: false } },
  });
  if (result.violations.length) {
    const lines = result.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    throw new Error(
      `axe${state ? ` [${state}]` : ''}: ${result.violations.length} violation(s)\n${lines.join('\n')}`,
    );
  }
}
