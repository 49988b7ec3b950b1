import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_CLIP_NAMES } from '../../shared/domain/announcement';

// The display plays display/public/audio/<name>.ogg; a missing clip would leave a hole in the call.
const AUDIO_DIR = fileURLToPath(new URL('../../display/public/audio/', import.meta.url));

describe('clip pack', () => {
  it.each([...ALL_CLIP_NAMES])('has a non-empty Ogg file for %s', (name) => {
    const file = `${AUDIO_DIR}${name}.ogg`;
    expect(statSync(file, { throwIfNoEntry: false })?.isFile(), `${file} is missing`).toBe(true);
    const bytes = readFileSync(file);
    expect(bytes.length).toBeGreaterThan(100);
    expect(bytes.subarray(0, 4).toString('latin1'), `${file} is not an Ogg file`).toBe('OggS');
  });

  it('stays small', () => {
    const total = ALL_CLIP_NAMES.reduce((sum, name) => sum + statSync(`${AUDIO_DIR}${name}.ogg`).size, 0);
    expect(total).toBeLessThan(1024 * 1024);
  });
});
