// Nothing in the repository sends a reader to a document it does not hold (the team's old handbook lived
// outside the repository). Which files are the repository's, git says: this needs a git checkout.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Tracked files, plus new ones not yet committed (but not ignored ones), outside node_modules and dist. */
function repositoryFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  return [...new Set(out.split('\0'))]
    .filter((f) => f !== '' && !/(^|\/)(node_modules|dist)(\/|$)/.test(f))
    .filter((f) => existsSync(join(ROOT, f)))
    .sort();
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
