// Sequential timing of whole responses (body read to the end), and summaries of the samples.
import http from 'node:http';

export type Sample = { ms: number; status: number; bytes: number };

/** One whole response, timed until its last byte; redirects are not followed (a login redirect shows as 3xx). */
export async function timeResponse(url: string, init: RequestInit = {}): Promise<{ sample: Sample; body: ArrayBuffer }> {
  const started = performance.now();
  const response = await fetch(url, { redirect: 'manual', ...init });
  const body = await response.arrayBuffer();
  return { sample: { ms: performance.now() - started, status: response.status, bytes: body.byteLength }, body };
}

export async function timeRequest(url: string, init: RequestInit = {}): Promise<Sample> {
  return (await timeResponse(url, init)).sample;
}

/**
 * A download as a browser on another machine takes it: asked for gzip, its bytes counted as they
 * arrive and not decompressed (undici's `fetch` always inflates, which on this machine would take a
 * processor from the server being measured). Complete only if the server ended the response.
 */
export function timeCompressedDownload(url: string, headers: Record<string, string>, signal: AbortSignal): Promise<Sample> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { ...headers, 'accept-encoding': 'gzip' }, signal }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.byteLength));
      response.on('end', () => {
        const status = response.complete ? (response.statusCode ?? 0) : 0;
        resolve({ ms: performance.now() - started, status, bytes });
      });
      response.on('error', reject);
      // After 'end' this changes nothing; without it, the download was cut off.
      response.on('close', () => reject(new Error('the download was cut off')));
    });
    request.on('error', reject);
  });
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export type Summary = { runs: number; median: number; p99: number; max: number; errors: number; kb: number };

export function summarise(samples: Sample[]): Summary {
  const ms = samples.map((sample) => sample.ms);
  return {
    runs: samples.length,
    median: percentile(ms, 50),
    p99: percentile(ms, 99),
    max: Math.max(...ms),
    errors: samples.filter((sample) => sample.status >= 400).length,
    kb: Math.round(samples.reduce((sum, sample) => sum + sample.bytes, 0) / Math.max(samples.length, 1) / 1024),
  };
}

/** Warm-up requests first (not counted), then `runs` timed ones in sequence. */
export async function measure(url: string, init: RequestInit, runs: number, warmup = 3): Promise<Summary> {
  for (let index = 0; index < warmup; index += 1) await timeRequest(url, init);
  const samples: Sample[] = [];
  for (let index = 0; index < runs; index += 1) samples.push(await timeRequest(url, init));
  return summarise(samples);
}
