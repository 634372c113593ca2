import { describe, expect, it } from 'vitest';
import { notesFollowingInputs, TEMPLATES } from '../../../src-main/engine/index.js';

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

  it('follow the inputs: adapted once they change (the use line kept, the case named, no figure), back once they are the case again', () => {
    for (const template of TEMPLATES) {
      const regions = template.regions ?? [];
      const changed = { ...template.inputs, concurrency: template.inputs.concurrency + 1 };
      for (const lang of ['en', 'pt-BR'] as const) {
        const notes = template.notes[lang];
        expect(notesFollowingInputs(notes, template.inputs, regions)).toBe(notes);
        const adapted = notesFollowingInputs(notes, changed, regions);
        expect(adapted, `${template.id} ${lang}`).not.toBe(notes);
        expect(adapted.split('\n')[0]).toBe(notes.split('\n')[0]);
        expect(adapted).toContain(`“${template.name[lang]}”`);
        expect(adapted).not.toMatch(/Reference case from|Caso de referência do/);
        expect(adapted).not.toMatch(/\d/);
        expect(notesFollowingInputs(adapted, changed, regions)).toBe(adapted);
        expect(notesFollowingInputs(adapted, template.inputs, regions)).toBe(notes);
        // The user's words, even starting with the template's, are never rewritten.
        expect(notesFollowingInputs(`${notes} Ours.`, changed, regions)).toBe(`${notes} Ours.`);
      }
    }
  });
});
