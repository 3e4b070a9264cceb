// Hostile-input cases of the import (SPEC section 18): the upload, the apply of the dry run the user
// saw, a saved header mapping and the undo. An accepted upload is stored for its uploader only; an
// accepted apply wrote the fixture file's one new partner and nothing of another user's; the undo
// marks the import undone once.
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { importMappings, importUploads, imports, partners } from '@/db/schema';
import { IMPORT_FILE } from '../../support/hostile-fixture';
import type { HostileCase } from '../../support/hostile-actions';
import type { Fields } from '../../support/hostile-form';

const IMPORT = 'app/(app)/data-manager/import/actions.ts';
const IMPORTS = 'app/(app)/data-manager/imports/actions.ts';

const csv = (text: string) => new File([text], 'partner.csv', { type: 'text/csv' });

export const IMPORT_CASES: Record<string, HostileCase> = {
  [`${IMPORT}#uploadImportAction`]: {
    base: (): Fields[] => [
      { entity: 'partners', file: csv(IMPORT_FILE), existing: 'update', createNew: '1' },
      { entity: 'tickets', file: csv('Titel\r\nNeu\r\n'), existing: 'skip', mapping: '' },
    ],
    extra: (fx) => ({
      entity: ['partners', 'contacts', 'tickets', 'Partners', ''],
      existing: ['update', 'skip', 'delete'],
      createNew: ['1', 'on', '0'],
      entries: ['1', 'on'],
      mapping: ['', String(fx.tessTemplate), 'x'],
    }),
    accepted: ({ fx, redirect }) => {
      expect(redirect).toMatch(/^\/data-manager\/import\/\d+\?/);
      const id = Number(/import\/(\d+)/.exec(redirect!)![1]);
      const upload = fx.db.select().from(importUploads).where(eq(importUploads.id, id)).get()!;
      expect(upload.userId).toBe(fx.tess.id);
      expect(upload.bytes.byteLength).toBeGreaterThan(0);
    },
  },

  [`${IMPORT}#applyImportAction`]: {
    base: (fx): Fields => ({
      uploadId: String(fx.importUpload),
      mapping: '{}',
      expectedCreate: '1',
      expectedUpdate: '0',
      existing: 'update',
      createNew: '1',
    }),
    extra: (fx) => ({
      uploadId: [String(fx.importUpload), String(fx.importUpload + 1), '0', 'x'],
      mapping: ['{}', '{"Name":"name"}', '{"Name":"gpid"}', '{"Name":null}', 'nope', '{"Name":1}'],
      expectedCreate: ['0', '1', '2', '-1', '1.5'],
      expectedUpdate: ['0', '1', 'x'],
      existing: ['update', 'skip', 'x'],
      createNew: ['1', '0', ''],
    }),
    accepted: ({ fx, redirect }) => {
      expect(redirect).toMatch(/^\/data-manager\/imports\?applied=\d+$/);
      const id = Number(redirect!.split('=')[1]);
      const stored = fx.db.select().from(imports).where(eq(imports.id, id)).get()!;
      expect(stored.userId).toBe(fx.tess.id);
      expect(stored.counts.create).toBe(1);
      expect(fx.db.select().from(partners).where(eq(partners.name, 'Neu Import GmbH')).all()).toHaveLength(1);
    },
  },

  [`${IMPORT}#saveImportMappingAction`]: {
    base: (): Fields => ({ entity: 'partners', name: 'Meine Zuordnung', mapping: '{"Name":"name","PLZ":"postcode"}' }),
    extra: {
      entity: ['partners', 'contacts', 'x'],
      name: ['Meine Zuordnung', '', ' ', 'n'.repeat(201)],
      mapping: ['{}', '{"Name":"nonsense"}', '{"Name":"name","Firma":"name"}', 'nope'],
    },
    accepted: ({ fx, sent }) => {
      const saved = fx.db
        .select()
        .from(importMappings)
        .where(and(eq(importMappings.userId, fx.tess.id), eq(importMappings.name, sent.one('name')!.trim())))
        .get();
      expect(saved).toBeDefined();
    },
  },

  [`${IMPORTS}#undoImportAction`]: {
    base: (fx): Fields => ({ id: String(fx.importDone) }),
    extra: (fx) => ({ id: [String(fx.importDone), String(fx.importDone + 1), '0', 'x'] }),
    accepted: ({ fx, sent, redirect }) => {
      expect(redirect).toBe(`/data-manager/imports?undone=${sent.one('id')}`);
      const stored = fx.db.select().from(imports).where(eq(imports.id, fx.importDone)).get()!;
      expect(stored.undoneAt).not.toBeNull();
      expect(stored.undoneById).toBe(fx.tess.id);
    },
  },
};
