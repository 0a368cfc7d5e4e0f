/**
 * The folder that holds a build's server configurations: beside the output folder, never inside
 * it, so that no server ever publishes them (`dist` → `dist-server`, `tests/.tmp/site` →
 * `tests/.tmp/site-server`). A build that is moved into place moves this folder with it.
 */
export function serverDirFor(outDir: string): string {
  return `${outDir.replace(/[\\/]+$/, '')}-server`;
}
