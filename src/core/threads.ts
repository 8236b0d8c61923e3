/**
 * Worker threads that run the same code from TypeScript sources (vitest, tsx)
 * and from the compiled build (dist), plus how user modules named by a string
 * (a path, a URL or a package) are imported. Shared by the Monte-Carlo engine
 * and the experiment runner, which both load a factory module once per worker.
 */
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * An importable specifier for `module`: URLs pass through, absolute paths and
 * paths starting with ./ or ../ (relative to the working directory) become
 * file URLs, anything else is a package specifier.
 */
export function importableModule(module: string): string {
  if (/^(file|data|node):/.test(module)) return module;
  if (isAbsolute(module)) return pathToFileURL(module).href;
  if (module.startsWith('./') || module.startsWith('../')) return pathToFileURL(resolve(module)).href;
  return module;
}

/**
 * URL of the module `name` next to the calling module, with the caller's own
 * extension: `sibling(import.meta.url, 'worker')` is worker.ts when the caller
 * runs from sources and worker.js in the build. Use it for module references
 * handed to worker threads, which must name a file that exists.
 */
export function siblingModule(importMetaUrl: string, name: string): string {
  const ext = /\.[cm]?ts$/.test(importMetaUrl) ? '.ts' : '.js';
  return new URL(`./${name}${ext}`, importMetaUrl).href;
}

/** Whether a module specifier names a TypeScript file (which a worker can only load through tsx). */
export function isTypeScriptModule(module: string): boolean {
  return /\.[cm]?ts$/.test(module);
}

/** URL of tsx's ESM registration API (tsx is a dev dependency), or its bare name as a last resort. */
function tsxApiUrl(): string {
  try {
    // require.resolve picks the CommonJS build; the ESM one sits beside it.
    return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  } catch {
    return 'tsx/esm/api';
  }
}

/**
 * Starts a worker thread running the module at `url`. When that module, or
 * any module it will import (`alsoLoads`), is TypeScript, the worker first
 * registers tsx: `execArgv: ['--import', 'tsx']` does not work here, as tsx
 * only registers its hooks on the main thread of Node < 22.15, so a tiny
 * eval'd bootstrap calls tsx's register() API inside the worker, then imports
 * the worker module.
 */
export function spawnModuleWorker(url: URL | string, alsoLoads: readonly string[] = [], options: WorkerOptions = {}): Worker {
  const href = typeof url === 'string' ? url : url.href;
  const needsTsx = isTypeScriptModule(href) || alsoLoads.some(isTypeScriptModule);
  if (!needsTsx) return new Worker(new URL(href), options);
  const boot =
    `import(${JSON.stringify(tsxApiUrl())})` +
    `.then((m) => (m.register ?? m.default.register)())` +
    `.then(() => import(${JSON.stringify(href)}))`;
  return new Worker(boot, { ...options, eval: true });
}

/** An error as one line: "[CODE] message" when it has a string code. */
export function describeError(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return `${typeof code === 'string' ? `[${code}] ` : ''}${e.message}`;
  }
  return String(e);
}
