// A tiny Angular component using Klar's elements: bound properties in, `klar-…` events out.
// Compiled ahead of time (ngc) by test/angular/angular-app.test.mjs and run in Chromium.
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';

interface PiiChange {
  readonly findings: readonly { readonly type: string }[];
}

@Component({
  selector: 'app-letter',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <article [id]="letterId">
        <p>
          Försäkringskassan har beslutat att du får bostadsbidrag. Beslutet gäller till och med den
          31 december 2027. Du måste anmäla ändrade inkomster inom fjorton dagar.
        </p>
      </article>
      <!-- [attr.for]: Angular maps a [for] binding to the DOM property htmlFor. -->
      <klar-summary [attr.for]="letterId" [fallbackSentences]="sentences"></klar-summary>
      <form>
        <klar-pii-guard (klar-pii-change)="onPiiChange($event)" (klar-pii-masked)="onMasked($event)">
          <label for="msg">Ditt meddelande</label>
          <textarea id="msg" name="msg"></textarea>
        </klar-pii-guard>
      </form>
      <output id="findings">{{ findings().join(',') }}</output>
      <output id="masked">{{ masked() }}</output>
    </main>
  `,
})
export class LetterComponent {
  readonly letterId = 'letter';
  readonly sentences = 2;
  readonly findings = signal<string[]>([]);
  readonly masked = signal(0);

  onPiiChange(event: Event): void {
    const detail = (event as CustomEvent<PiiChange>).detail;
    this.findings.set(detail.findings.map((f) => f.type));
  }

  onMasked(event: Event): void {
    const { count } = (event as CustomEvent<{ count: number }>).detail;
    this.masked.update((n) => n + count);
  }
}
