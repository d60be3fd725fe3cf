/**
 * Runs tasks one after another. onnxruntime-web sessions can't run concurrently, and a
 * request may swap its model's backend mid-way, so each model id gets one queue.
 */
export class TaskQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #pending = 0;

  get pending(): number {
    return this.#pending;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    this.#pending += 1;
    const result = this.#tail.then(task, task);
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result.finally(() => {
      this.#pending -= 1;
    });
  }
}
