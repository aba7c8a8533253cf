/** Reads server-sent events from a live HTTP stream, for tests. */
export interface SseClient {
  status: number;
  contentType: string | null;
  /** Resolves with the first event's data that satisfies `match`, or rejects after `ms`. */
  next(match: (data: Record<string, unknown>) => boolean, ms?: number): Promise<Record<string, unknown>>;
  received: Record<string, unknown>[];
  /** Named events (`event: revoked`) seen so far. */
  events: string[];
  /** True once the server ended the stream. */
  ended(): boolean;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string>): Promise<SseClient> {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const received: Record<string, unknown>[] = [];
  const events: string[] = [];
  let ended = false;
  const waiters: { match: (d: Record<string, unknown>) => boolean; resolve: (d: Record<string, unknown>) => void }[] = [];
  if (res.ok && res.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let i;
          while ((i = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, i);
            buffer = buffer.slice(i + 2);
            const name = block.split('\n').find((l) => l.startsWith('event: '))?.slice(7);
            if (name) events.push(name);
            if (name && name !== 'change') continue;
            const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
            if (!data) continue;
            const parsed = JSON.parse(data) as Record<string, unknown>;
            received.push(parsed);
            for (const w of [...waiters]) if (w.match(parsed)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(parsed); }
          }
        }
        ended = true;
      } catch {
        /* aborted */
      }
    })();
  }
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    received,
    events,
    ended: () => ended,
    next(match, ms = 5000) {
      const found = received.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching event within ${ms} ms; received ${JSON.stringify(received)}`)), ms);
        waiters.push({ match, resolve: (d) => { clearTimeout(timer); resolve(d); } });
      });
    },
    close: () => controller.abort(),
  };
}
