import { parseArgs } from 'node:util';
import { KlarError } from '../../../packages/runtime/src/errors.js';
import { DTYPES } from '../../../packages/runtime/src/manifest/parse.js';
import type { Dtype } from '../../../packages/runtime/src/manifest/types.js';

export interface MirrorArgs {
  /** Tasks or model ids, as given. */
  readonly targets: readonly string[];
  readonly out: string;
  /** Only these dtypes' weights; absent: the entry's webgpu and wasm dtypes. */
  readonly dtypes?: readonly Dtype[];
  readonly hub: string;
  readonly manifest: string;
  readonly alternatives: boolean;
  readonly retries: number;
  /** `--help`: print the usage and stop. */
  readonly help?: boolean;
}

export const USAGE = `Usage: npm run models:mirror -- <task or id>... --out <dir>
Copies model files from the hub into <dir>/<id>/ for your own server, with the model card
(README.md) and licence, and writes <dir>/manifest.json with each file's size and sha256 and
the pinned commit; <dir>/<id>/klar-mirror.json records where every file came from.
  [--dtype q4f16,q8]      weights to fetch (default: the model's webgpu and wasm dtypes)
  [--hub <url>]           default https://huggingface.co
  [--manifest <file>]     default models/manifest.json
  [--alternatives]        with a task, also mirror its alternative model
  [--retries <n>]         attempts per file, default 5
  [--help]                this text
Environment: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (a proxy), HF_TOKEN (gated repositories).`;

/** Parses argv (without node and script); throws `invalid-input` with the usage on mistakes. */
export function parseMirrorArgs(argv: readonly string[]): MirrorArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new KlarError('invalid-input', `${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    return {
      targets: [],
      out: '',
      hub: '',
      manifest: '',
      alternatives: false,
      retries: 0,
      help: true,
    };
  }
  if (positionals.length === 0 || !values.out) {
    throw new KlarError('invalid-input', `Name a task or model id and --out.\n${USAGE}`);
  }
  const dtypes = values.dtype?.split(',').map((d) => d.trim());
  const bad = dtypes?.find((d) => !(DTYPES as readonly string[]).includes(d));
  if (bad !== undefined) {
    throw new KlarError('invalid-input', `Unknown dtype "${bad}"; known: ${DTYPES.join(', ')}.`);
  }
  const retries = Number(values.retries ?? 5);
  if (!Number.isInteger(retries) || retries < 1 || retries > 100) {
    throw new KlarError('invalid-input', '--retries must be an integer from 1 to 100.');
  }
  return {
    targets: positionals,
    out: values.out,
    ...(dtypes ? { dtypes: dtypes as Dtype[] } : {}),
    hub: (values.hub ?? 'https://huggingface.co').replace(/\/+$/, ''),
    manifest: values.manifest ?? 'models/manifest.json',
    alternatives: values.alternatives ?? false,
    retries,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string' },
      dtype: { type: 'string' },
      hub: { type: 'string' },
      manifest: { type: 'string' },
      alternatives: { type: 'boolean' },
      retries: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
