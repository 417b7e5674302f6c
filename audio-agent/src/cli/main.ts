#!/usr/bin/env node
/** The `audioviz-agent` command: argument parsing, dispatch and exit codes (0 ok, 1 failure, 2 usage, 3 auth). */
import { AudioInputError } from '../sources/audio-input-error';
import { analyzeCommand } from './analyze-command';
import { helpText, parseCommandLine, UsageError, type Settings } from './cli-options';
import { devicesCommand } from './devices-command';
import { runCommand } from './run-command';
import type { AnalyzerOptions } from '../analysis';
import type { PresetName } from '@audioviz/shared-types';

export const EXIT = { OK: 0, FAILURE: 1, USAGE: 2, AUTH: 3 } as const;

function analyzerOptions(s: Settings): Partial<AnalyzerOptions> {
  const o: Partial<AnalyzerOptions> = {};
  if (s.preset !== undefined) o.preset = s.preset as PresetName;
  if (s.lookahead !== undefined) o.lookaheadMs = s.lookahead as number;
  if (s['spectrum-bands'] !== undefined) o.spectrumBands = s['spectrum-bands'] as number;
  return o;
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const { command, positional, settings } = parseCommandLine(argv, process.env);
    if (settings.help === true || command === null || command === 'help') {
      process.stdout.write(helpText() + '\n');
      return command === null && settings.help !== true ? EXIT.USAGE : EXIT.OK;
    }
    switch (command) {
      case 'devices':
        return devicesCommand(process.stdout);
      case 'analyze': {
        if (positional.length !== 1) throw new UsageError('analyze needs exactly one FILE');
        return await analyzeCommand(
          positional[0]!,
          settings.jsonl === true,
          analyzerOptions(settings),
          process.stdout,
        );
      }
      case 'run': {
        if (positional.length > 0)
          throw new UsageError(`run takes no positional arguments (got "${positional[0]}")`);
        return await runCommand(settings, {
          stdin: process.stdin,
          stdout: process.stdout,
          stderr: process.stderr,
          onStopSignal: (stop) => {
            process.once('SIGINT', stop);
            process.once('SIGTERM', stop);
          },
        });
      }
      default:
        throw new UsageError(`Unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`audioviz-agent: ${error.message}\nRun "audioviz-agent --help" for usage.\n`);
      return EXIT.USAGE;
    }
    if (error instanceof AudioInputError) {
      process.stderr.write(`audioviz-agent: ${error.message}\n`);
      return error.code === 'DEVICE_UNAVAILABLE' ? EXIT.FAILURE : EXIT.USAGE;
    }
    if (error instanceof RangeError) {
      process.stderr.write(`audioviz-agent: ${error.message}\n`);
      return EXIT.USAGE;
    }
    process.stderr.write(`audioviz-agent: unexpected failure: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.FAILURE;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
    // Sockets and stdin may keep the loop alive after a stop; exit once stdout has drained into its pipe.
    process.stdout.write('', () => process.exit(code));
  });
}
