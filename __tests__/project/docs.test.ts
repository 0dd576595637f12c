/**
 * The documentation a user reads: the README stays a newcomer's page (under 25 KB), no page names
 * a major version the action does not have (`@v1`), and every link between the pages (relative,
 * or to this repository on GitHub, as overview.md's must be) reaches a file that exists and a
 * heading in it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../emulators/runners.mjs';

const REPOSITORY = 'https://github.com/your-org/chainguard-azure-login';
const PAGES = [
  'README.md',
  'CONTRIBUTING.md',
  'SECURITY.md',
  'CHANGELOG.md',
  'overview.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file}`)
];
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');
/** The page without its fenced code blocks and inline code, where a `](` is not a link. */
const prose = (text: string): string => text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsIn(file: string): Set<string> {
  const headings = read(file)
    .replace(/^```[\s\S]*?^```/gm, '')
    .split('\n')
    .filter((line) => /^#{1,6} /.test(line))
    .map((line) => anchorOf(line.replace(/^#+ /, '')));
  return new Set(headings);
}

interface Link {
  from: string;
  target: string;
}

/** Each link of `page` to this repository: its file (relative to the root) and anchor. */
function linksOf(page: string): { link: Link; file: string; anchor?: string }[] {
  const found: { link: Link; file: string; anchor?: string }[] = [];
  for (const match of prose(read(page)).matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = match[1];
    let local: string;
    if (target.startsWith(`${REPOSITORY}/blob/main/`)) local = target.slice(`${REPOSITORY}/blob/main/`.length);
    else if (target === REPOSITORY || target.startsWith(`${REPOSITORY}#`)) local = `README.md${target.slice(REPOSITORY.length)}`;
    else if (/^[a-z]+:/i.test(target)) continue;
    else local = target.startsWith('#') ? `${path.basename(page)}${target}` : target;
    const [file, anchor] = local.split('#');
    const resolved = target.startsWith(REPOSITORY) ? file : path.posix.normalize(path.posix.join(path.posix.dirname(page), file));
    found.push({ link: { from: page, target }, file: resolved, anchor: anchor || undefined });
  }
  return found;
}

it('keeps the README under 25 KB', () => {
  expect(Buffer.byteLength(read('README.md'))).toBeLessThanOrEqual(25_600);
});

it('names no @v1 anywhere: the action is used by its v0 tag', () => {
  const pages = [...PAGES, 'action.yml', 'task.json'];
  expect(pages.filter((page) => read(page).includes('@v1'))).toEqual([]);
});

it('links only to files that exist, and to headings they have', () => {
  const broken: Link[] = [];
  for (const page of PAGES) {
    for (const { link, file, anchor } of linksOf(page)) {
      if (!existsSync(path.join(ROOT, file))) broken.push(link);
      // GitHub's #readme anchor is the README shown on the repository's page.
      else if (anchor && !(file === 'README.md' && anchor === 'readme') && !anchorsIn(file).has(anchor)) broken.push(link);
    }
  }
  expect(broken).toEqual([]);
});

it('checks what it says it checks: a missing file and a missing heading are found', () => {
  expect(anchorOf("Azure DevOps' own OIDC token — `azure-devops`")).toBe('azure-devops-own-oidc-token--azure-devops');
  expect(anchorsIn('README.md').has('quickstart')).toBe(true);
  expect(anchorsIn('README.md').has('no-such-heading')).toBe(false);
  expect(linksOf('overview.md').map(({ file }) => file)).toContain('docs/azure-pipelines.md');
  expect(linksOf('README.md').some(({ file }) => file === 'docs/identity-sources.md')).toBe(true);
});
