/**
 * Loading an optional peer dependency (@huggingface/transformers,
 * node-llama-cpp) with a dynamic `import()` only when a spec asks for it, so
 * semcom installs and runs without them.
 *
 * "Not installed" is told apart from "installed but broken" (a native binary
 * the install skipped, a wrong Node version): the first is a `require.resolve`
 * that finds no package, the second an import that throws. Both are
 * `PROVIDER_UNAVAILABLE` with what to do.
 */
import { createRequire } from 'node:module';
import { SemcomError } from '../../core/errors.js';

/** Loads a backend module; providers take one so tests can pass a fake module. */
export type ModuleLoader<T> = () => Promise<T>;

/** Whether `name` resolves from semcom's own location (where a peer dependency is installed). */
export function isPeerInstalled(name: string): boolean {
  const require = createRequire(import.meta.url);
  try {
    require.resolve(name);
    return true;
  } catch (e) {
    // An ESM-only package with no `require` export throws ERR_PACKAGE_PATH_NOT_EXPORTED: it is there.
    return (e as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND';
  }
}

/**
 * Imports `name`, or throws `PROVIDER_UNAVAILABLE` ending with `installHint`
 * (the npm command and any .npmrc setting the package needs).
 */
export async function importPeer(name: string, installHint: string): Promise<unknown> {
  if (!isPeerInstalled(name)) {
    throw new SemcomError('PROVIDER_UNAVAILABLE', `the optional package ${name} is not installed: ${installHint}`);
  }
  try {
    return (await import(name)) as unknown;
  } catch (e) {
    throw new SemcomError('PROVIDER_UNAVAILABLE', `${name} is installed but failed to load (${(e as Error).message}); reinstall it: ${installHint}`, {
      cause: e,
    });
  }
}
