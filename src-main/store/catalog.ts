import { BUILT_IN_CATALOG, mergeCatalog } from '../engine/catalogs/index.js';
import type { Catalog, ModelRecord, ServerRecord, StorageRecord } from '../engine/types.js';
import { CUSTOM_RECORD_SCHEMAS, describeZodIssueText, type CustomKind, type PriceOverride } from '../schemas/index.js';
import type { Db } from './database.js';
import { both } from '../i18n/text.js';
import { StoreError } from './errors.js';

export interface CustomRecords {
  models: ModelRecord[];
  servers: ServerRecord[];
  storage: StorageRecord[];
  prices: PriceOverride[];
}

type AnyCustomRecord = ModelRecord | ServerRecord | StorageRecord | PriceOverride;

/** The kinds as a Brazilian engineer names them in a sentence. */
const KIND_PT: Record<CustomKind, string> = { model: 'modelo', server: 'servidor', storage: 'storage', price: 'preço' };

const BUILT_IN_IDS: Record<Exclude<CustomKind, 'price'>, Set<string>> = {
  model: new Set(BUILT_IN_CATALOG.models.map((m) => m.id)),
  server: new Set(BUILT_IN_CATALOG.servers.map((s) => s.id)),
  storage: new Set(BUILT_IN_CATALOG.storage.map((s) => s.id)),
};

/** The user's own models, servers, storage profiles and prices. */
export class CatalogRepo {
  constructor(private readonly db: Db) {}

  custom(): CustomRecords {
    const rows = this.db
      .prepare('SELECT kind, record_id AS recordId, record_json AS json FROM custom_records ORDER BY kind, record_id')
      .all() as { kind: CustomKind; recordId: string; json: string }[];
    const out: CustomRecords = { models: [], servers: [], storage: [], prices: [] };
    for (const row of rows) {
      const record = parseRecord(row.kind, row.json, row.recordId);
      if (row.kind === 'model') out.models.push(record as ModelRecord);
      else if (row.kind === 'server') out.servers.push(record as ServerRecord);
      else if (row.kind === 'storage') out.storage.push(record as StorageRecord);
      else out.prices.push(record as PriceOverride);
    }
    return out;
  }

  /** The catalog sizing uses: built-in plus custom records, with the user's prices applied. */
  effective(): Catalog {
    const custom = this.custom();
    const merged = mergeCatalog(custom);
    const prices = new Map(custom.prices.map((p) => [p.id, p]));
    return {
      ...merged,
      servers: merged.servers.map((s) => {
        const p = prices.get(s.id);
        return p ? { ...s, priceLowUsd: p.priceLowUsd, priceHighUsd: p.priceHighUsd, source: `${s.source}; user price: ${p.source}` } : s;
      }),
    };
  }

  add(kind: CustomKind, record: AnyCustomRecord): void {
    this.checkId(kind, record.id);
    const exists = this.db.prepare('SELECT 1 FROM custom_records WHERE kind = ? AND record_id = ?').get(kind, record.id);
    if (exists)
      throw new StoreError(
        'conflict',
        both(
          `a custom ${kind} with id "${record.id}" already exists`,
          `já existe um registro próprio (${KIND_PT[kind]}) com o id "${record.id}"`,
        ),
        'record.id',
      );
    this.db
      .prepare('INSERT INTO custom_records (kind, record_id, record_json, updated_at) VALUES (?, ?, ?, ?)')
      .run(kind, record.id, JSON.stringify(record), new Date().toISOString());
  }

  update(kind: CustomKind, record: AnyCustomRecord): void {
    const info = this.db
      .prepare('UPDATE custom_records SET record_json = ?, updated_at = ? WHERE kind = ? AND record_id = ?')
      .run(JSON.stringify(record), new Date().toISOString(), kind, record.id);
    if (info.changes === 0)
      throw new StoreError(
        'not-found',
        both(`no custom ${kind} with id "${record.id}"`, `não há registro próprio (${KIND_PT[kind]}) com o id "${record.id}"`),
        'record.id',
      );
  }

  delete(kind: CustomKind, id: string): void {
    const info = this.db.prepare('DELETE FROM custom_records WHERE kind = ? AND record_id = ?').run(kind, id);
    if (info.changes === 0)
      throw new StoreError(
        'not-found',
        both(`no custom ${kind} with id "${id}"`, `não há registro próprio (${KIND_PT[kind]}) com o id "${id}"`),
        'id',
      );
  }

  private checkId(kind: CustomKind, id: string): void {
    if (kind === 'price') {
      if (!this.effective().servers.some((s) => s.id === id))
        throw new StoreError(
          'not-found',
          both(
            `a price needs a known server id; "${id}" is not one`,
            `um preço precisa do id de um servidor conhecido; "${id}" não é um deles`,
          ),
          'record.id',
        );
      return;
    }
    if (BUILT_IN_IDS[kind].has(id))
      throw new StoreError(
        'conflict',
        both(`"${id}" is a built-in ${kind}; choose another id`, `"${id}" já existe no catálogo (${KIND_PT[kind]}); escolha outro id`),
        'record.id',
      );
  }
}

function parseRecord(kind: CustomKind, json: string, recordId: string): AnyCustomRecord {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new StoreError(
      'invalid-data',
      both(
        `custom ${kind} "${recordId}" is not valid JSON in the database`,
        `o registro próprio (${KIND_PT[kind]}) "${recordId}" não é JSON válido no banco`,
      ),
    );
  }
  const parsed = CUSTOM_RECORD_SCHEMAS[kind].safeParse(value);
  if (!parsed.success) {
    const { field, text } = describeZodIssueText(parsed.error);
    throw new StoreError(
      'invalid-data',
      both(
        `custom ${kind} "${recordId}" in the database is not valid: ${field}: ${text.en}`,
        `o registro próprio (${KIND_PT[kind]}) "${recordId}" no banco não é válido: ${field}: ${text['pt-BR']}`,
      ),
      field,
    );
  }
  return parsed.data as AnyCustomRecord;
}
