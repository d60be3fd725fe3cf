// Entry of the compiled Angular example (zoneless). Klar's tags are registered by the bundle's
// entry in the test, next to this file's compiled output.
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { LetterComponent } from './letter.component';

bootstrapApplication(LetterComponent, { providers: [provideZonelessChangeDetection()] }).catch(
  (error: unknown) => console.error(error),
);
