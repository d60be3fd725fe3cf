// Native delegation in a real page: a fake built-in Summarizer is put on the window, as Chrome
// would have it. It says 'available' for English only (like Chrome today, no Swedish).
import type { KlarClient } from '@klar/runtime';
import { fixtureClient, LM } from '../../../runtime/test/browser/support/fixtures.js';
import { Summarizer } from '../../src/index.js';

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Assertion failed: ${message}`);
}

const calls: string[] = [];

class FakeBuiltInSummarizer {
  static async availability(
    options: { outputLanguage?: string; expectedInputLanguages?: string[] } = {},
  ) {
    calls.push(`availability:${options.outputLanguage}:${options.expectedInputLanguages ?? ''}`);
    const languages = [options.outputLanguage, ...(options.expectedInputLanguages ?? [])];
    return languages.every((l) => !l || l.startsWith('en')) ? 'available' : 'unavailable';
  }
  static async create(options: { monitor?: (m: EventTarget) => void }) {
    calls.push('create');
    const monitor = new EventTarget();
    options.monitor?.(monitor);
    return new FakeBuiltInSummarizer();
  }
  readonly inputQuota = 4000;
  async measureInputUsage(text: string) {
    return text.length;
  }
  async summarize() {
    return 'Built-in summary.';
  }
  summarizeStreaming() {
    calls.push('summarizeStreaming');
    return new ReadableStream<string>({
      start(controller) {
        controller.enqueue('Built-in ');
        controller.enqueue('summary.');
        controller.close();
      },
    });
  }
  destroy() {
    calls.push('destroy');
  }
}

describe('Summarizer hands over to the browser built-in API', () => {
  let klar: KlarClient;
  const scope = globalThis as { Summarizer?: unknown };
  before(() => {
    klar = fixtureClient({ backend: 'wasm' });
    scope.Summarizer = FakeBuiltInSummarizer;
  });
  after(async () => {
    delete scope.Summarizer;
    await klar.dispose();
  });
  beforeEach(() => {
    calls.length = 0;
  });

  it('uses it for English, where it says available', async () => {
    const summarizer = await Summarizer.create({ engine: klar, outputLanguage: 'en' });
    check(summarizer.source === 'native', `source ${summarizer.source}`);
    check((await summarizer.summarize('A short text.')) === 'Built-in summary.', 'its text');
    check(calls.includes('create') && calls.includes('summarizeStreaming'), calls.join());
  });

  it('asks it with the languages, and uses the model for Swedish, where it says unavailable', async () => {
    const summarizer = await Summarizer.create({
      engine: klar,
      model: LM,
      outputLanguage: 'sv',
      expectedInputLanguages: ['sv'],
      type: 'headline',
    });
    check(calls[0] === 'availability:sv:sv', calls.join());
    check(summarizer.source === LM, `source ${summarizer.source}`);
    check(!calls.includes('create'), 'the built-in one was not created');
    summarizer.destroy();
  });

  it('follows <html lang> when no output language is given', async () => {
    const lang = document.documentElement.lang;
    document.documentElement.lang = 'en';
    try {
      const summarizer = await Summarizer.create({ engine: klar });
      check(summarizer.outputLanguage === 'en', summarizer.outputLanguage);
      check(summarizer.source === 'native', summarizer.source);
    } finally {
      document.documentElement.lang = lang;
    }
  });

  it('is not used when the integrator says useNative: false', async () => {
    const summarizer = await Summarizer.create({
      engine: klar,
      model: LM,
      outputLanguage: 'en',
      useNative: false,
      type: 'headline',
    });
    check(summarizer.source === LM, `source ${summarizer.source}`);
    check(calls.length === 0, `not even asked: ${calls}`);
    summarizer.destroy();
  });
});
