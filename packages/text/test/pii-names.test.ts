import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectPersonalData, mask } from '../src/index.js';

const names = (text: string) =>
  detectPersonalData(text, { types: ['person-name'] }).map((span) => span.text);

describe('names without a model', () => {
  it('finds a listed first name with a surname, listed or shaped like one', () => {
    assert.deepEqual(names('Lars Johansson, Anna Maria Nyström och Erik Berg kom.'), [
      'Lars Johansson',
      'Anna Maria Nyström',
      'Erik Berg',
    ]);
    assert.deepEqual(names('Beslutet fattades av Karl-Erik Dahlgren.'), ['Karl-Erik Dahlgren']);
    assert.deepEqual(names('Mötet leddes av Fatima Hedqvist.'), ['Fatima Hedqvist']);
  });

  it('finds names after cues, any capitalised name, and listed first names in lower case', () => {
    assert.deepEqual(names('Hej! Jag heter Zlatan Ibrahimović.'), ['Zlatan Ibrahimović']);
    assert.deepEqual(names('jag heter anna svensson och behöver hjälp'), ['anna svensson']);
    assert.deepEqual(names('Kontaktperson: Meryem Öztürk'), ['Meryem Öztürk']);
    assert.deepEqual(names('Med vänliga hälsningar\nMaria Nyström\nFörsäkringskassan'), [
      'Maria Nyström',
    ]);
    assert.deepEqual(names('Ring fru Lindqvist eller dr Andersson.'), ['Lindqvist', 'Andersson']);
    assert.deepEqual(names('Handläggare Karl-Erik Lind skrev.'), ['Karl-Erik Lind']);
  });

  it('leaves organisations, places and sentence-initial words alone', () => {
    for (const text of [
      'Enligt Försäkringskassan har du rätt till bostadsbidrag. Hans ansökan kom in i tid.',
      'Anna ringde igår. Per månad betalas 1 200 kr. Lund och Malmö.',
      'Mötet i Stockholm med Region Skåne och Göteborgs Stad.',
      'Kontakt: Försäkringskassan, Skatteverket och Stockholms kommun.',
      'Med vänlig hälsning\nSkatteverket',
      'Vad heter det på engelska?',
      'Berg och dal. Holm är en liten ö.',
    ]) {
      assert.deepEqual(names(text), [], text);
    }
  });

  it('a lone first name is not reported (it identifies nobody in a letter)', () => {
    assert.deepEqual(names('Anna har skickat in sin ansökan.'), []);
  });

  it('masks names with the other identifiers', () => {
    const text = 'Jag heter Anna Svensson, tel 070-123 45 67.';
    const result = mask(text, { operator: 'pseudonymize' });
    assert.equal(result.text, 'Jag heter [NAMN 1], tel [TELEFONNUMMER 1].');
    assert.equal(result.restore('Hej [NAMN 1]!'), 'Hej Anna Svensson!');
  });
});
