/**
 * The input table is the one source of truth: action.yml, task.json, the command-line tool's help
 * and the README's inputs table say what it says (names, the Azure spelling, required, defaults).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../../../../emulators/runners.mjs';
import { azureName, INPUTS, type InputDefinition } from '../../../../src/core/inputs/definitions.js';
import { CLI_HELP } from '../../../../src/platform/cli-args.js';

const definitions: readonly InputDefinition[] = INPUTS;
const on = (frontEnd: 'github' | 'azure' | 'cli') => definitions.filter((input) => input.frontEnds.includes(frontEnd));
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

describe('the input table', () => {
  it('is what action.yml declares: the same inputs, required and defaults', () => {
    const action = parse(read('action.yml')) as { inputs: Record<string, { required?: boolean; default?: string }> };
    expect(Object.keys(action.inputs).sort()).toEqual(
      on('github')
        .map((input) => input.name)
        .sort()
    );
    for (const input of on('github')) {
      const declared = action.inputs[input.name];
      expect({ name: input.name, required: declared.required === true, default: declared.default }).toEqual({
        name: input.name,
        required: input.required === true,
        default: input.default
      });
    }
  });

  it("is what task.json declares: the same inputs under the Azure task's names, required and defaults", () => {
    const task = JSON.parse(read('task.json')) as { inputs: { name: string; required: boolean; defaultValue: string }[] };
    expect(task.inputs.map((input) => input.name).sort()).toEqual(
      on('azure')
        .map((input) => azureName(input.name as never))
        .sort()
    );
    for (const input of on('azure')) {
      const declared = task.inputs.find((entry) => entry.name === azureName(input.name as never));
      expect({ name: input.name, required: declared?.required, default: declared?.defaultValue }).toEqual({
        name: input.name,
        required: input.required === true,
        default: input.default ?? ''
      });
    }
  });

  it("spells azure-devops-service-connection as task.json does (the Azure task's label comes from the table)", () => {
    expect(azureName('azure-devops-service-connection')).toBe('azureDevOpsServiceConnection');
    expect(azureName('managed-identity-client-id')).toBe('managedIdentityClientId');
  });

  it("is what the command-line tool's help lists, in its order", () => {
    const flags = [...CLI_HELP.matchAll(/^ {2}--([a-z-]+) </gm)].map((match) => match[1]);
    expect(flags).toEqual(on('cli').map((input) => input.name));
  });

  it("is what the README's inputs table lists: names, Azure names and defaults", () => {
    const readme = read('README.md');
    const table = readme.slice(readme.indexOf('| input | Azure name |'));
    const rows = table
      .split('\n')
      .slice(2)
      .filter((line, i, all) => line.startsWith('|') && all.slice(0, i).every((previous) => previous.startsWith('|')))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    const named = (cell: string): string | undefined => /^`([^`]+)`$/.exec(cell)?.[1];
    expect(rows).toHaveLength(definitions.length);
    for (const input of definitions) {
      const row = rows.find(([, github, azure]) => named(github) === input.name || named(azure) === azureName(input.name as never));
      expect(row).toBeDefined();
      const [, github, azure, , fallback] = row as string[];
      expect({ input: input.name, github: named(github), azure: named(azure) }).toEqual({
        input: input.name,
        github: input.frontEnds.includes('github') ? input.name : undefined,
        azure: input.frontEnds.includes('azure') ? azureName(input.name as never) : undefined
      });
      if (input.default !== undefined)
        expect({ input: input.name, fallback }).toEqual({ input: input.name, fallback: `\`${input.default}\`` });
    }
  });
});
