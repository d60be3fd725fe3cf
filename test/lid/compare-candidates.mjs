// Compares packaged language identifiers on Klar's evaluation set (the table in docs/tasks.md,
// "Language detection"). The candidates are not Klar dependencies; install them in a scratch
// folder and run this file from there:
//   mkdir /tmp/lid && cd /tmp/lid && npm init -y && npm install --ignore-scripts eld@2.1.0 \
//     franc-all@7.2.0 franc-min@6.2.0 cld3-asm@4.0.0 tinyld@1.3.4 languagedetect@2.0.0 lande@1.0.10 \
//     fasttext.wasm.js@1.0.0
//   cp /path/to/klar/test/lid/compare-candidates.mjs . && node compare-candidates.mjs /path/to/klar/test/lid/eval-set.json
// Optional second argument: only candidates whose name starts with it. WRONG=1 lists wrong answers.
// These are the raw libraries; Klar's rules on top of CLD3 are measured by `npm run bench`.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const set = JSON.parse(readFileSync(process.argv[2] ?? 'eval-set.json', 'utf8'));
const iso3 = {
  swe: 'sv',
  arb: 'ar',
  ara: 'ar',
  som: 'so',
  pes: 'fa',
  fas: 'fa',
  prs: 'prs',
  tir: 'ti',
  kmr: 'kmr',
  ckb: 'ckb',
  pol: 'pl',
  bos: 'bs',
  hrv: 'hr',
  srp: 'sr',
  hbs: 'sh',
  ukr: 'uk',
  tur: 'tr',
  fin: 'fi',
  spa: 'es',
  eng: 'en',
  deu: 'de',
  fra: 'fr',
  nld: 'nl',
  por: 'pt',
  nob: 'no',
  nno: 'nn',
  nor: 'no',
  dan: 'da',
  rus: 'ru',
  lit: 'lt',
  als: 'sq',
  sqi: 'sq',
  vie: 'vi',
  tha: 'th',
  cmn: 'zh',
  zho: 'zh',
  tgl: 'tl',
  amh: 'am',
  pbu: 'ps',
  pus: 'ps',
  urd: 'ur',
  ydd: 'yi',
  yid: 'yi',
  sme: 'se',
  gaz: 'om',
  wol: 'wo',
  kur: 'ku',
};
const arabic = /[\u0600-\u06FF]/;
function norm(code, text) {
  if (!code) return 'und';
  code = String(code);
  if (code.length === 3 && iso3[code]) code = iso3[code];
  if (code === 'ku') return arabic.test(text) ? 'ckb' : 'kmr';
  return code;
}
const cands = {};
// ELD
for (const size of ['large', 'medium', 'small', 'extrasmall']) {
  cands[`eld ${size}`] = async () => {
    const { eld } = await import(`eld/${size}`);
    return (t) => norm(eld.detect(t).language || 'und', t);
  };
}
cands['franc-all'] = async () => {
  const { franc } = await import('franc-all');
  return (t) => norm(franc(t), t);
};
cands['franc-all minLength 1'] = async () => {
  const { franc } = await import('franc-all');
  return (t) => norm(franc(t, { minLength: 1 }), t);
};
cands['franc-min'] = async () => {
  const { franc } = await import('franc-min');
  return (t) => norm(franc(t), t);
};
cands['cld3-asm'] = async () => {
  const { loadModule } = await import('cld3-asm');
  const f = await loadModule();
  const id = f.create(0, 1000);
  return (t) => {
    const r = id.findLanguage(t);
    return norm(r.language === 'und' ? 'und' : r.language.replace(/-Latn$/, ''), t);
  };
};
cands.tinyld = async () => {
  const m = await import('tinyld');
  return (t) => norm(m.detect(t) || 'und', t);
};
cands['tinyld heavy'] = async () => {
  const m = await import('tinyld/heavy');
  return (t) => norm(m.detect(t) || 'und', t);
};
cands.languagedetect = async () => {
  const { default: LD } = await import('languagedetect');
  const d = new LD();
  d.setLanguageType('iso2');
  return (t) => {
    const r = d.detect(t, 1)[0];
    return norm(r?.[0] ?? 'und', t);
  };
};
cands.lande = async () => {
  const { default: lande } = await import('lande');
  return (t) => {
    const r = lande(t)[0];
    return norm(r?.[0], t);
  };
};
cands['fastText lid.176'] = async () => {
  const { getLIDModel } = await import('fasttext.wasm.js');
  const m = await getLIDModel();
  await m.load();
  const f = (t) => {
    const r = m.identify(t.replace(/\n/g, ' '));
    return r;
  };
  return async (t) => {
    const r = await f(t);
    return norm(r.alpha2 ?? r.alpha3 ?? 'und', t);
  };
};
const only = process.argv[3];
const rows = [];
for (const [name, make] of Object.entries(cands)) {
  if (only && !name.startsWith(only)) continue;
  let detect;
  const t0 = performance.now();
  try {
    detect = await make();
  } catch (e) {
    console.log(name, 'FAILED', e.message);
    continue;
  }
  const load = performance.now() - t0;
  const per = {};
  let n = 0;
  let time = 0;
  const wrong = {};
  for (const g of set.groups) {
    const items = g.items ?? g.texts.map((text) => ({ text }));
    let ok = 0;
    for (const it of items) {
      const accept = it.accept ?? g.accept;
      const s = performance.now();
      let got;
      try {
        got = await detect(it.text);
      } catch (_e) {
        got = 'ERR';
      }
      time += performance.now() - s;
      n++;
      if (accept.includes(got)) ok++;
      else {
        wrong[g.id] ??= [];
        wrong[g.id].push(got);
      }
    }
    per[g.id] = `${ok}/${items.length}`;
  }
  rows.push({
    name,
    load: load.toFixed(0),
    perText: ((time / n) * 1000).toFixed(0) + 'µs',
    ...per,
  });
  if (process.env.WRONG) console.log(name, JSON.stringify(wrong));
}
console.table(rows);
