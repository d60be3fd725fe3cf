// A tiny React app using @klar/react, bundled by the test with esbuild and rendered in Chromium.
import { PiiGuard, Readability } from '@klar/react';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  const [lix, setLix] = useState<number | null>(null);
  const [masked, setMasked] = useState(0);
  return (
    <main>
      <article id="letter">
        <p>
          Försäkringskassan har beslutat att du får bostadsbidrag. Beslutet gäller till och med den
          31 december 2027. Du måste anmäla ändrade inkomster inom fjorton dagar.
        </p>
      </article>
      <Readability for="letter" onReadabilityChange={(e) => setLix(e.detail.lix)} />
      <output id="lix">{lix === null ? '' : String(lix)}</output>
      <form>
        <PiiGuard onMasked={(e) => setMasked((n) => n + e.detail.count)}>
          <label htmlFor="msg">Ditt meddelande</label>
          <textarea id="msg" name="msg" />
        </PiiGuard>
      </form>
      <output id="masked">{String(masked)}</output>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
