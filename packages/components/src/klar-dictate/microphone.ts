/**
 * Microphone capture on the window side: asks for the microphone only when called, runs an
 * AudioWorklet (loaded from our own origin) that posts mono Float32 chunks at the device's own
 * rate, and releases everything on `stop()`. Nothing is resampled on the main thread (the
 * runtime's worker does that) and nothing is stored or sent: the chunks go to `onChunk` only.
 */

/** Why the microphone could not be used; each has its own message for the citizen. */
export type MicrophoneProblem =
  /** The citizen (or the browser's settings) said no. */
  | 'microphone-denied'
  /** No microphone is connected. */
  | 'microphone-missing'
  /** The microphone is there but could not start (another app holds it, hardware error). */
  | 'microphone-busy'
  /** This browser has no microphone capture or AudioWorklet. */
  | 'microphone-unsupported'
  /** The site's setup: not a secure context (http), or the worklet module could not be loaded. */
  | 'microphone-setup';

/** A typed microphone failure with a stable `code`, like the runtime's KlarError. */
export class MicrophoneError extends Error {
  override readonly name = 'MicrophoneError';
  constructor(
    readonly code: MicrophoneProblem,
    message: string,
    readonly details: { readonly url?: string; readonly fix?: string } = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface MicrophoneChunk {
  /** Mono samples in [-1, 1] at `sampleRate`. */
  readonly samples: Float32Array;
  /** Root mean square of the chunk (0 silence … about 0.7 a full-scale sine). */
  readonly rms: number;
}

export interface Microphone {
  /** The device's rate, as the audio context runs it (often 44 100 or 48 000). */
  readonly sampleRate: number;
  /** Stops the tracks (the browser's recording indicator goes off) and closes the audio context. */
  stop(): Promise<void>;
  /** Whether every track of the stream has ended. */
  readonly stopped: boolean;
}

/** The worklet module, found next to this module in the source, the bundle and the packages. */
export const CAPTURE_WORKLET_URL = new URL('./capture.worklet.js', import.meta.url);

const CONSTRAINTS: MediaStreamConstraints = {
  audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true, channelCount: 1 },
  video: false,
};

/** Asks for the microphone and starts capture. Rejects with a `MicrophoneError`. */
export async function openMicrophone(
  onChunk: (chunk: MicrophoneChunk) => void,
  signal?: AbortSignal,
  /** The microphone went away on its own (unplugged, taken by the system). */
  onEnded?: () => void,
): Promise<Microphone> {
  if (!globalThis.isSecureContext)
    throw new MicrophoneError(
      'microphone-setup',
      'the page is not a secure context, so the browser offers no microphone',
      {
        url: location.href,
        fix: 'Serve the e-service over HTTPS (the browser allows microphone capture only on secure pages).',
      },
    );
  const mediaDevices = navigator.mediaDevices as MediaDevices | undefined;
  if (!mediaDevices?.getUserMedia || typeof AudioWorkletNode === 'undefined')
    throw new MicrophoneError('microphone-unsupported', 'this browser cannot capture audio here');
  // A Permissions-Policy without the microphone is the site's choice, not the citizen's answer.
  const policy = (document as Document & { featurePolicy?: { allowsFeature(f: string): boolean } })
    .featurePolicy;
  if (policy?.allowsFeature('microphone') === false)
    throw new MicrophoneError(
      'microphone-setup',
      "the page's Permissions-Policy does not allow the microphone",
      {
        url: location.href,
        fix: 'Allow the microphone for this page: Permissions-Policy: microphone=(self), and allow="microphone" on an iframe that holds the e-service. Or leave <klar-dictate> out.',
      },
    );
  let stream: MediaStream;
  try {
    stream = await mediaDevices.getUserMedia(CONSTRAINTS);
  } catch (error) {
    throw fromMediaError(error);
  }
  const stopTracks = () => {
    for (const track of stream.getTracks()) track.stop();
  };
  if (signal?.aborted) {
    stopTracks();
    throw new MicrophoneError('microphone-busy', 'stopped before the microphone started');
  }
  let context: AudioContext | undefined;
  try {
    // The device's own rate: resampling is the worker's job, not the main thread's.
    context = new AudioContext({ latencyHint: 'interactive' });
    try {
      await context.audioWorklet.addModule(CAPTURE_WORKLET_URL.href);
    } catch (error) {
      throw new MicrophoneError(
        'microphone-setup',
        `the audio worklet module could not be loaded (${String(error)})`,
        {
          url: CAPTURE_WORKLET_URL.href,
          fix: "Serve the worklet file at the URL above (capture.worklet.js; assets/capture.worklet-<hash>.js in the no-build bundle) as JavaScript with status 200, from the page's own origin, and allow it with script-src 'self' in the Content-Security-Policy.",
        },
        { cause: error },
      );
    }
    const source = context.createMediaStreamSource(stream);
    const node = new AudioWorkletNode(context, 'klar-capture', {
      numberOfInputs: 1,
      numberOfOutputs: 0,
      channelCountMode: 'explicit',
      channelCount: 1,
    });
    node.port.onmessage = (event: MessageEvent<MicrophoneChunk>) => onChunk(event.data);
    for (const track of stream.getAudioTracks())
      track.addEventListener('ended', () => onEnded?.(), { once: true });
    source.connect(node);
    // A context made after an await may start suspended (autoplay policy); the microphone
    // permission the citizen just gave lets it run.
    // Never wait on it for long: without activation resume() stays pending, and the level meter
    // then shows silence instead of the element hanging.
    if (context.state === 'suspended')
      await Promise.race([context.resume(), new Promise((r) => setTimeout(r, 1000))]);
    const running = context;
    let closed = false;
    return {
      sampleRate: running.sampleRate,
      get stopped() {
        return stream.getTracks().every((t) => t.readyState === 'ended');
      },
      async stop() {
        if (closed) return;
        closed = true;
        node.port.postMessage('stop');
        node.port.onmessage = null;
        source.disconnect();
        stopTracks();
        await running.close().catch(() => {});
      },
    };
  } catch (error) {
    stopTracks();
    await context?.close().catch(() => {});
    if (error instanceof MicrophoneError) throw error;
    throw new MicrophoneError(
      'microphone-busy',
      `audio capture could not start (${String(error)})`,
      {},
      { cause: error },
    );
  }
}

/** getUserMedia's DOMException names, as the problem the citizen can act on. */
function fromMediaError(error: unknown): MicrophoneError {
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = (error as { message?: string } | null)?.message || name || String(error);
  const options = { cause: error };
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
      return new MicrophoneError('microphone-denied', message, {}, options);
    case 'SecurityError':
      // A Permissions-Policy (`microphone=()`) or an iframe without allow="microphone".
      return new MicrophoneError(
        'microphone-setup',
        message,
        {
          url: location.href,
          fix: 'Allow the microphone for this page: Permissions-Policy: microphone=(self), and allow="microphone" on an iframe that holds the e-service.',
        },
        options,
      );
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return new MicrophoneError('microphone-missing', message, {}, options);
    default:
      return new MicrophoneError('microphone-busy', message, {}, options);
  }
}
