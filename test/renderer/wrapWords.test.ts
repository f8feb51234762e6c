import { describe, expect, it } from 'vitest';
import { wrapWords } from '../../src/renderer/features/dashboard/wrapWords';

describe('a chart label wrapped by counting characters', () => {
  it('fills each line up to the width, whole words only', () => {
    expect(wrapWords('10 Hz rTMS, left DLPFC (FDA-cleared)', 44)).toEqual(['10 Hz rTMS, left DLPFC (FDA-cleared)']);
    expect(wrapWords('Deep TMS, H1 coil, left DLPFC with a long maintenance schedule', 24)).toEqual(['Deep TMS, H1 coil, left', 'DLPFC with a long', 'maintenance schedule']);
  });

  it('gives a word longer than the width a line of its own, and ignores extra spaces', () => {
    expect(wrapWords('  a   supercalifragilistic  b ', 5)).toEqual(['a', 'supercalifragilistic', 'b']);
    expect(wrapWords('', 10)).toEqual([]);
  });
});
