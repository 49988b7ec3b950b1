import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The repository documents itself: its Markdown links lead to files inside it, and nothing in it sends a
// reader to a document it does not hold (the team's old handbook lived outside the repository).
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Tracked files, plus new ones not yet committed (but not ignored ones), outside node_modules and dist. */
function repositoryFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  return [...new Set(out.split('\0'))]
    .filter((f) => f !== '' && !/(^|\/)(node_modules|dist)(\/|$)/.test(f))
    .filter((f) => existsSync(join(ROOT, f)))
    .sort();
}

function markdownDocs(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`);
  return ['README.md', ...docs.sort()];
}

/** Markdown without fenced code blocks and inline code, where brackets and parentheses are not links. */
function proseOf(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`+[^`\n]*`+/g, '');
}

/** The targets of inline links `[text](target "title")` and reference definitions `[label]: target`. */
function linkTargets(markdown: string): string[] {
  const prose = proseOf(markdown);
  const inline = [...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] as string);
  const references = [...prose.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1] as string);
  return [...inline, ...references];
}

/** Why a link from `file` does not lead to a file inside the repository, or null when it does. */
function brokenLink(file: string, target: string): string | null {
  if (/^(https?:|mailto:)/i.test(target)) return null;
  const path = decodeURIComponent(target.replace(/[#?].*$/, ''));
  if (path === '') return null; // An anchor in the same page.
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return `${file}: link ${target} uses a scheme other than http(s) or mailto`;
  if (isAbsolute(path)) return `${file}: link ${target} is an absolute path, outside the repository`;
  const resolved = resolve(ROOT, dirname(file), path);
  const inside = relative(ROOT, resolved);
  if (inside.startsWith('..') || isAbsolute(inside)) return `${file}: link ${target} leads outside the repository`;
  if (!existsSync(resolved)) return `${file}: link ${target} leads to ${inside}, which does not exist`;
  return null;
}

// Built from parts, so that this file does not name them itself.
const HANDBOOK_TESTIDS = new RegExp(['UI', 'TESTIDS\\.md'].join('-'), 'i');
const HANDBOOK_DOC = new RegExp(`[\\w./-]*\\b(?:${['PRODUCT', 'ARCHITECTURE'].join('|')})\\.md\\b`, 'g');

/** Why a file's text sends the reader to a handbook document the repository does not hold. */
function handbookMentions(file: string, text: string, files: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (HANDBOOK_TESTIDS.test(text)) problems.push(`${file}: names ${text.match(HANDBOOK_TESTIDS)?.[0]}, which is not in the repository`);
  for (const m of text.matchAll(HANDBOOK_DOC)) {
    const named = m[0].replace(/^\.\//, '');
    const candidates = [named, relative(ROOT, resolve(ROOT, dirname(file), named))];
    if (!candidates.some((c) => files.has(c))) problems.push(`${file}: names ${m[0]}, which is not in the repository`);
  }
  return problems;
}

const isBinary = (bytes: Buffer) => bytes.subarray(0, 8000).includes(0);

describe('the documentation', () => {
  it('links only to files inside the repository', () => {
    const problems: string[] = [];
    for (const file of markdownDocs()) {
      for (const target of linkTargets(readFileSync(join(ROOT, file), 'utf8'))) {
        const problem = brokenLink(file, target);
        if (problem) problems.push(problem);
      }
    }
    expect(problems).toEqual([]);
  });

  it('finds the links it checks', () => {
    expect(linkTargets('[a](docs/x.md#top) `[b](not/a/link.md)` [c]: ../y.md\n[c]: ./z.md "t"')).toEqual(['docs/x.md#top', './z.md']);
    expect(linkTargets('See [protocol](protocol.md).')).toEqual(['protocol.md']);
    expect(linkTargets(readFileSync(join(ROOT, 'README.md'), 'utf8'))).toContain('docs/testids.md');
  });

  it('names no handbook document outside the repository, in any source or doc file', () => {
    const files = repositoryFiles();
    const tracked = new Set(files);
    const problems: string[] = [];
    for (const file of files) {
      const bytes = readFileSync(join(ROOT, file));
      if (isBinary(bytes)) continue;
      problems.push(...handbookMentions(file, bytes.toString('utf8'), tracked));
    }
    expect(problems).toEqual([]);
  });
});
