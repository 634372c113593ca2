import { CalibrationRepo } from './calibration.js';
import { CatalogRepo } from './catalog.js';
import { openDatabase, withLockWait, type Db, type OpenOptions } from './database.js';
import { storeErrorFor } from './file-errors.js';
import { ProjectsRepo } from './projects.js';
import { ScenariosRepo } from './scenarios.js';
import { SettingsRepo } from './settings.js';

export { StoreError, type StoreErrorCode } from './errors.js';
export { resolveDbPath, userDataDir } from './paths.js';
export { type StoreAccess } from './database.js';
export type * from './types.js';

/** The project store: one SQLite file, one repository per concern. */
export class Store {
  readonly projects: ProjectsRepo;
  readonly scenarios: ScenariosRepo;
  readonly catalog: CatalogRepo;
  readonly settings: SettingsRepo;
  readonly calibrations: CalibrationRepo;

  constructor(
    readonly db: Db,
    readonly path: string,
    private readonly options: OpenOptions = {},
    private readonly cleanup?: () => void,
  ) {
    this.projects = new ProjectsRepo(db);
    this.scenarios = new ScenariosRepo(db);
    this.catalog = new CatalogRepo(db);
    this.settings = new SettingsRepo(db);
    this.calibrations = new CalibrationRepo(db);
  }

  /**
   * One user action, one transaction: all of it lands or none of it does. IMMEDIATE takes the write
   * lock first (no upgrade deadlocks between writers); while another program holds it, the attempt
   * is retried (rolled back each time, so nothing half-done remains) until options.lockWaitMs.
   */
  write<T>(action: () => T): T {
    return withLockWait(this.path, 'write', this.options, () => {
      try {
        return this.db.transaction(action).immediate();
      } catch (error) {
        throw storeErrorFor(error, this.path, 'write') ?? error;
      }
    });
  }

  /** A failure of this store's file (locked, read-only, full disk, damaged) as a StoreError naming it; anything else unchanged. */
  explain(error: unknown): unknown {
    return storeErrorFor(error, this.path, 'read') ?? error;
  }

  close(): void {
    if (this.db.open) this.db.close();
    this.cleanup?.();
  }
}

export function openStore(path: string, options: OpenOptions = {}): Store {
  const { db, cleanup } = openDatabase(path, options);
  return new Store(db, path, options, cleanup);
}
