import { buildServerSite } from './server-site';

/** Builds the server tests' site once. */
export default function setup(): void {
  const result = buildServerSite();
  if (result.status !== 0) throw new Error(`The server tests' site did not build:\n${result.output}`);
}
