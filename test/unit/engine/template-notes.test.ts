import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../../src-main/engine/index.js';

describe('template notes (what a scenario made from a template starts with)', () => {
  it('describe the case in both languages without a single figure the user will change', () => {
    for (const template of TEMPLATES) {
      for (const lang of ['en', 'pt-BR'] as const) {
        const notes = template.notes[lang];
        expect(notes, `${template.id} ${lang}`).not.toMatch(/\d|N\+1|N\+2|fp8|fp16|FP16|FP8/);
        // The first line is what comparisons quote as the scenario's use: it fits in 80 characters.
        expect(notes.split('\n')[0]!.length, `${template.id} ${lang}`).toBeLessThanOrEqual(80);
      }
    }
  });
});
