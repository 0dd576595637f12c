/** The commands a runner or an agent would act on in a step's output, read as they read it. */

/** The workflow commands the GitHub runner would act on in `output`: `::name` at a line's start, `##[name` anywhere. */
export function githubCommands(output: string): string[] {
  return output.split('\n').flatMap((line) => {
    const v2 = /^\s*::([^\s:]+)/.exec(line);
    if (v2) return [v2[1]];
    const v1 = /##\[([^\s\]]+)/.exec(line);
    return v1 ? [v1[1]] : [];
  });
}

/** The logging commands the Azure agent would act on in `output` (the first `##vso[` of a line), with where each line put it. */
export function agentCommands(output: string): { command: string; at: number }[] {
  return output.split('\n').flatMap((line) => {
    const at = line.indexOf('##vso[');
    if (at < 0) return [];
    const command = /^##vso\[([^\s\]]+)/.exec(line.slice(at))?.[1] ?? '';
    return [{ command, at }];
  });
}
