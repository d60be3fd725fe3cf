/** The demo never sends anything: a submit shows a receipt instead. */
const form = document.querySelector<HTMLFormElement>('#ansokan');
form?.addEventListener('submit', (event) => {
  event.preventDefault();
  const status = document.querySelector('#sent');
  if (status)
    status.textContent =
      document.documentElement.lang === 'en'
        ? 'Thank you! This is a demo, so nothing was sent.'
        : 'Tack! Det här är en demo, så ingenting skickades.';
});
