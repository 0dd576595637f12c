/** Runs a program to completion for a test: what it printed and its exit code, never a throw. */
import { execFile, type ExecFileOptions } from 'node:child_process';
import { promisify } from 'node:util';

export interface Completed {
  /** The exit code; -1 when the program did not exit with one (not found, killed by a signal). */
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `program` with `args`; a non-zero exit is returned in `code`, not thrown. Output up to 64 MiB. */
export async function exec(program: string, args: string[], options: ExecFileOptions = {}): Promise<Completed> {
  try {
    const { stdout, stderr } = await promisify(execFile)(program, args, { maxBuffer: 64 * 1024 * 1024, ...options, encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number | string; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? String(error) };
  }
}
