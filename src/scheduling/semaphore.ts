/** A counting semaphore: at most `size` holders; the rest queue in order. */
export function semaphore(size: number): <T>(task: () => Promise<T>) => Promise<T> {
  let free = size;
  const queue: (() => void)[] = [];
  return async (task) => {
    if (free > 0) free--;
    else await new Promise<void>((resolve) => queue.push(resolve));
    try {
      return await task();
    } finally {
      const next = queue.shift();
      if (next) next();
      else free++;
    }
  };
}
