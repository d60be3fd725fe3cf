// Klar's own language identification: the rules on top of the identifier (with a fake one), and
// the packaged identifier itself (CLD3) on sentences that are not in the evaluation set.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  identifyLanguage,
  MIN_LETTERS,
  type RawIdentification,
} from '../src/language-detector/identify.js';
import { LanguageDetector } from '../src/language-detector/language-detector.js';

const says =
  (language: string, probability = 0.99, isReliable = probability >= 0.7) =>
  (): RawIdentification => ({ language, probability, isReliable });

const top = (results: { detectedLanguage: string }[]) => results[0]?.detectedLanguage;

describe('identifyLanguage (rules over the identifier)', () => {
  it(`answers only 'und' below ${MIN_LETTERS} letters, whatever the identifier says`, () => {
    for (const text of ['ok', 'tack', 'Ali Hassan', '2024-05-01', '👍👍', '070-123 45 67', '']) {
      assert.deepEqual(
        identifyLanguage(text, says('sv')),
        [{ detectedLanguage: 'und', confidence: 1 }],
        text,
      );
    }
  });

  it('does not count links and e-mail addresses as letters', () => {
    const text = 'https://kommunen.example.se/ansokan anna.svensson@example.se';
    assert.equal(top(identifyLanguage(text, says('en'))), 'und');
  });

  it("ranks the language then 'und' with the rest, most likely first", () => {
    const results = identifyLanguage('jag har inte fått något beslut', says('sv', 0.9));
    assert.deepEqual(
      results.map((r) => r.detectedLanguage),
      ['sv', 'und'],
    );
    assert.ok(Math.abs(results[0]!.confidence - 0.9) < 1e-9);
    assert.ok(Math.abs(results[1]!.confidence - 0.1) < 1e-9);
  });

  it("puts 'und' first when the identifier calls its answer unreliable (confidence halved)", () => {
    const results = identifyLanguage('varfor har ni avslagit min ansokan', says('uz', 0.69, false));
    assert.deepEqual(
      results.map((r) => r.detectedLanguage),
      ['und', 'uz'],
    );
    assert.ok(Math.abs(results[1]!.confidence - 0.345) < 1e-9);
  });

  it("answers 'und' when the identifier does", () => {
    assert.equal(top(identifyLanguage('qwrtp zxcvb mnbvc', says('und', 0))), 'und');
  });

  it('maps identifier codes to BCP 47: Kurmanji kmr, Hebrew he', () => {
    assert.equal(top(identifyLanguage('ez nizanim ez çi bikim', says('ku'))), 'kmr');
    assert.equal(top(identifyLanguage('שלום לכולם מה שלומכם', says('iw'))), 'he');
  });

  it('calls Arabic-script text with Sorani-only letters Sorani (ckb), even when the identifier is unsure', () => {
    const text = 'منداڵەکەم نەخۆشە و ناتوانێت بچێتە قوتابخانە';
    const results = identifyLanguage(text, says('fa', 0.55, false));
    assert.equal(top(results), 'ckb');
    assert.ok(results[0]!.confidence >= 0.8);
  });

  it('keeps Persian Persian when the identifier says Urdu but no Urdu-only letter is there', () => {
    assert.equal(top(identifyLanguage('کسی اونجا فارسی صحبت میکنه؟', says('ur', 0.9))), 'fa');
    assert.equal(top(identifyLanguage('میری درخواست کا فیصلہ کب آئے گا؟', says('ur', 0.9))), 'ur');
  });

  it('reports Dari by the integrator’s tag when they expect it, and fa otherwise', () => {
    const text = 'تشکر از کمک تان، روز تان خوش';
    assert.equal(top(identifyLanguage(text, says('fa'))), 'fa');
    assert.equal(
      top(identifyLanguage(text, says('fa'), { expectedInputLanguages: ['sv', 'fa-AF'] })),
      'fa-AF',
    );
    assert.equal(
      top(identifyLanguage(text, says('fa'), { expectedInputLanguages: ['prs'] })),
      'prs',
    );
    assert.equal(
      top(identifyLanguage(text, says('fa'), { expectedInputLanguages: ['fa', 'prs'] })),
      'fa',
    );
  });

  it('splits Ethiopic text between Tigrinya and Amharic by spelling', () => {
    const tigrinya = identifyLanguage('ሎሚ ካብ ምምሕዳር ከተማ ደብዳበ መጺኡኒ ግን ኣይተረድኣንን', says('am'));
    assert.deepEqual(
      tigrinya.slice(0, 2).map((r) => r.detectedLanguage),
      ['ti', 'am'],
    );
    const amharic = identifyLanguage('ዛሬ ከከተማው አስተዳደር ደብዳቤ ደርሶኛል ግን አልገባኝም', says('am'));
    assert.deepEqual(
      amharic.slice(0, 2).map((r) => r.detectedLanguage),
      ['am', 'ti'],
    );
    const sum = tigrinya.reduce((total, r) => total + r.confidence, 0);
    assert.ok(Math.abs(sum - 1) < 1e-9, 'confidences add up to 1');
  });
});

describe('LanguageDetector with Klar’s packaged identifier (CLD3)', () => {
  it('is available without a built-in one, names its source, and answers W3C-shaped results', async () => {
    assert.equal(await LanguageDetector.availability(), 'available');
    const detector = await LanguageDetector.create({ useNative: false });
    assert.equal(detector.source, 'cld3');
    const results = await detector.detect(
      'idag fick jag ett brev från kommunen men jag förstår inte vad det står',
    );
    assert.equal(results[0]?.detectedLanguage, 'sv');
    for (const r of results) {
      assert.equal(typeof r.detectedLanguage, 'string');
      assert.ok(r.confidence >= 0 && r.confidence <= 1);
    }
    const sorted = [...results].sort((a, b) => b.confidence - a.confidence);
    assert.deepEqual(results, sorted, 'most likely first');
    detector.destroy();
    await assert.rejects(detector.detect('hej hej hej hej hej'), { code: 'disposed' });
  });

  it('identifies sentences it was not tuned on', async () => {
    const detector = await LanguageDetector.create();
    const cases: [string, string][] = [
      ['maanta warqad ayaan ka helay dowladda hoose laakiin ma fahmin', 'so'],
      ['îro min nameyek ji şaredariyê stend lê ez fêm nakim çi nivîsiye', 'kmr'],
      ['ئەمڕۆ نامەیەکم لە شارەوانی وەرگرت بەڵام تێناگەم چی نووسراوە', 'ckb'],
      ['امروز یک نامه از شهرداری گرفتم ولی نمیفهمم چی نوشته', 'fa'],
      ['آج مجھے بلدیہ سے ایک خط ملا ہے لیکن مجھے سمجھ نہیں آیا', 'ur'],
      ['ውላደይ ሓሚሙ ስለዘሎ ናብ ቤት ትምህርቲ ክኸይድ ኣይክእልን እዩ', 'ti'],
      ['ልጄ ታሞ ስለሆነ ወደ ትምህርት ቤት መሄድ አይችልም', 'am'],
      ['сьогодні я отримала лист від комуни але не розумію що там написано', 'uk'],
      ['dzisiaj dostałam list z gminy ale nie rozumiem co tam jest napisane', 'pl'],
      ['bugün belediyeden bir mektup aldım ama ne yazdığını anlamadım', 'tr'],
    ];
    for (const [text, expected] of cases) {
      assert.equal((await detector.detect(text))[0]?.detectedLanguage, expected, text);
    }
    assert.equal((await detector.detect('ok tack 👍'))[0]?.detectedLanguage, 'und');
  });

  it('tells the monitor 0 then 1 (nothing to download), and honours an aborted signal', async () => {
    const seen: number[] = [];
    const detector = await LanguageDetector.create({
      monitor: (m) =>
        m.addEventListener('downloadprogress', (e) =>
          seen.push((e as unknown as { loaded: number }).loaded),
        ),
    });
    assert.deepEqual(seen, [0, 1]);
    detector.destroy();
    await assert.rejects(LanguageDetector.create({ signal: AbortSignal.abort() }), {
      code: 'aborted',
    });
  });

  it('is unavailable for languages it cannot identify, and create() says which', async () => {
    assert.equal(
      await LanguageDetector.availability({ expectedInputLanguages: ['sv', 'ti', 'ckb'] }),
      'available',
    );
    assert.equal(
      await LanguageDetector.availability({ expectedInputLanguages: ['sv', 'tlh'] }),
      'unavailable',
    );
    await assert.rejects(LanguageDetector.create({ expectedInputLanguages: ['tlh'] }), {
      code: 'unsupported-task',
      message: /tlh/,
    });
  });
});
