import { CalibrationRepo } from './calibration.js';
import { CatalogRepo } from './catalog.js';
import { openDatabase, type Db, type OpenOptions } from './database.js';
import { ProjectsRepo } from './projects.js';
import { ScenariosRepo } from './scenarios.js';
import { SettingsRepo } from './settings.js';

export { StoreError } from './errors.js';
export { resolveDbPath, userDataDir } from './paths.js';
export type * from './types.js';
export type { CustomRecords } from './catalog.js';

/** The project store: one SQLite file, one repository per concern. */
export class Store {
  readonly projects: ProjectsRepo;
  readonly scenarios: ScenariosRepo;
  readonly catalog: CatalogRepo;
  readonly settings: SettingsRepo;
  readonly calibrations: CalibrationRepo;

  constructor(readonly db: Db, readonly path: string) {
    this.projects = new ProjectsRepo(db);
    this.scenarios = new ScenariosRepo(db);
    this.catalog = new CatalogRepo(db);
    this.settings = new SettingsRepo(db);
    this.calibrations = new CalibrationRepo(db);
  }

  /** One user action, one transaction: all of it lands or none of it does. IMMEDIATE avoids upgrade deadlocks between writers. */
  write<T>(action: () => T): T {
    return this.db.transaction(action).immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

export function openStore(path: string, options: OpenOptions = {}): Store {
  return new Store(openDatabase(path, options), path);
}
