import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The repository documents itself: its Markdown links lead to files inside it. (That nothing in it sends a
// reader to a document it does not hold, which asks git for the repository's files, is
// test/system/docs-handbook.test.ts.)
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

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
});
