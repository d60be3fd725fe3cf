import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isKlarError, KlarError } from '../../runtime/src/errors.js';
import { isKlarBaseError, KlarBaseError, KlarTextError } from '../src/errors.js';
import { seededRandom } from '../src/random.js';

describe('one error base', () => {
  it('KlarError and KlarTextError share KlarBaseError and keep their own identity', () => {
    const runtime = new KlarError('aborted', 'stopped', { at: 1 });
    const text = new KlarTextError('invalid-option', 'bad option');
    for (const error of [runtime, text]) {
      assert.ok(error instanceof KlarBaseError);
      assert.ok(error instanceof Error);
      assert.ok(isKlarBaseError(error));
    }
    assert.ok(!(text instanceof KlarError));
    assert.ok(!(runtime instanceof KlarTextError));
    assert.ok(isKlarError(runtime, 'aborted'));
    assert.equal(runtime.name, 'KlarError');
    assert.equal(text.name, 'KlarTextError');
    assert.ok(isKlarBaseError(text, 'invalid-option'));
    assert.ok(!isKlarBaseError(text, 'aborted'));
    assert.ok(!isKlarBaseError(new Error('plain')));
  });

  it('toJSON keeps name, code, message and details', () => {
    assert.deepEqual(new KlarTextError('aborted', 'stopped', { why: 'user' }).toJSON(), {
      name: 'KlarTextError',
      code: 'aborted',
      message: 'stopped',
      details: { why: 'user' },
    });
    assert.deepEqual(JSON.parse(JSON.stringify(new KlarError('disposed', 'gone'))), {
      name: 'KlarError',
      code: 'disposed',
      message: 'gone',
    });
  });
});

describe('seededRandom', () => {
  it('repeats for a seed, differs between seeds, stays in [0, 1)', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const first = Array.from({ length: 100 }, () => a());
    assert.deepEqual(
      first,
      Array.from({ length: 100 }, () => b()),
    );
    assert.notDeepEqual(
      first,
      Array.from({ length: 100 }, () => c()),
    );
    for (const value of first) assert.ok(value >= 0 && value < 1);
  });

  it('keeps the mulberry32 sequence the runtime sampled with before the move', () => {
    const random = seededRandom(42);
    // First values of mulberry32(42); sampling with a fixed seed must not change between releases.
    assert.deepEqual(
      [random(), random(), random()].map((v) => v.toFixed(10)),
      EXPECTED_42,
    );
  });
});

const EXPECTED_42 = ['0.6011037519', '0.4482905590', '0.8524657935'];
