import { parseArgs, type ParseArgsConfig } from 'node:util';
import { displayPath } from '../content/validate';

/** A mistake in how a command was called: printed as is, with no stack trace. */
export class UsageError extends Error {}

/**
 * The command line's options and positional arguments; a misspelt or unknown option is a
 * `UsageError`, its message put in words by `explain`.
 */
export function readArguments<const Options extends NonNullable<ParseArgsConfig['options']>>(
  options: Options,
  explain: (message: string) => string = (message) => message,
) {
  try {
    return parseArgs({ args: process.argv.slice(2), allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError(explain((error as Error).message));
  }
}

/** A path as the editor should see it: relative to the folder the command runs in. */
export function pathFromHere(filePath: string): string {
  return displayPath(process.cwd(), filePath);
}

/**
 * Runs a command's `main`, which returns the exit status; a `UsageError` is
 * printed with the usage line, anything else with its stack.
 */
export function runCli(usage: string, main: () => number | Promise<number>): void {
  Promise.resolve()
    .then(main)
    .then(
      (status) => {
        process.exitCode = status;
      },
      (error: unknown) => {
        if (error instanceof UsageError) {
          console.error(`${error.message}\n${usage}`);
          process.exitCode = 2;
          return;
        }
        console.error(error);
        process.exitCode = 1;
      },
    );
}
