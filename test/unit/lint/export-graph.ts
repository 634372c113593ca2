import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * Which exports no other module imports. A small cousin of ts-prune and knip built on the
 * TypeScript parser (no type checking, so it reads the whole repository in about a second): it
 * follows relative imports, `export *` and named re-exports, and the <script> blocks of Vue files.
 */

const SOURCE_EXTENSIONS = ['.ts', '.mts', '.mjs', '.vue'];
const SKIPPED_FOLDERS = new Set(['node_modules', 'out', 'release', 'reports', '.stryker-tmp', 'test-results', 'playwright-report', '.git']);

interface ModuleFacts {
  /** Names this module declares and exports itself. */
  declared: Set<string>;
  /** Names used from each module this one imports (relative imports only). '*' means all of them. */
  uses: Map<string, Set<string>>;
  /** `export * from` targets. */
  starFrom: string[];
  /** `export { local as exported } from target`. */
  namedFrom: { target: string; local: string; exported: string }[];
  /** How many times each identifier appears in the file (to tell "used in its file" from "unused"). */
  identifierCounts: Map<string, number>;
}

export interface UnusedExport {
  file: string;
  name: string;
  /** What to do: a re-export nobody uses, a name used only in its file, or dead code. */
  fix: 'drop the re-export' | 'drop "export"' | 'delete it';
}

export function sourceFiles(root: string, folders: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      if (SKIPPED_FOLDERS.has(entry)) continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (SOURCE_EXTENSIONS.some((ext) => entry.endsWith(ext)) && !/\.d\.m?ts$/.test(entry)) out.push(path);
    }
  };
  for (const folder of folders) {
    const path = join(root, folder);
    if (!existsSync(path)) continue;
    if (statSync(path).isDirectory()) walk(path);
    else out.push(path);
  }
  return out;
}

function scriptOf(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.vue')) return text;
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

/** A relative specifier as a file of the repository: './x.js' may be x.ts, x.vue, x/index.ts. */
function resolveSpecifier(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.(m?js)$/, '');
  for (const candidate of [base, `${stem}.ts`, `${stem}.mts`, `${stem}.mjs`, `${stem}.vue`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function hasExportModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function bindingNames(name: ts.BindingName, out: string[]): void {
  if (ts.isIdentifier(name)) out.push(name.text);
  else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bindingNames(element.name, out);
}

/** `const { a, b } = await import('./x.js')` uses a and b; any other dynamic import may use anything. */
function dynamicImportNames(call: ts.CallExpression): string[] {
  const awaited = call.parent;
  const declaration = awaited && ts.isAwaitExpression(awaited) ? awaited.parent : undefined;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !ts.isObjectBindingPattern(declaration.name)) return ['*'];
  const names = declaration.name.elements.map((e) => (e.propertyName && ts.isIdentifier(e.propertyName) ? e.propertyName : e.name));
  return names.every(ts.isIdentifier) ? names.map((n) => (n as ts.Identifier).text) : ['*'];
}

/** `x.name`, `{ name: 1 }`, `{ name: string }`: a property of that name, not the variable. */
function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent)) return parent.name === node;
  return (
    (ts.isPropertyAssignment(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isMethodDeclaration(parent)) &&
    parent.name === node
  );
}

function readModule(path: string): ModuleFacts {
  const source = ts.createSourceFile(path, scriptOf(path), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const facts: ModuleFacts = { declared: new Set(), uses: new Map(), starFrom: [], namedFrom: [], identifierCounts: new Map() };
  const use = (specifier: string, name: string) => {
    const target = resolveSpecifier(path, specifier);
    if (!target) return;
    if (!facts.uses.has(target)) facts.uses.set(target, new Set());
    facts.uses.get(target)!.add(name);
  };

  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) && !isPropertyName(node))
      facts.identifierCounts.set(node.text, (facts.identifierCounts.get(node.text) ?? 0) + 1);
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const specifier = node.moduleSpecifier.text;
      const clause = node.importClause;
      if (clause?.name) use(specifier, 'default');
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) use(specifier, '*');
      if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) use(specifier, (e.propertyName ?? e.name).text);
    } else if (ts.isExportDeclaration(node)) {
      const target =
        node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? resolveSpecifier(path, node.moduleSpecifier.text) : null;
      if (!node.exportClause) {
        if (target) facts.starFrom.push(target);
      } else if (ts.isNamedExports(node.exportClause)) {
        for (const e of node.exportClause.elements) {
          const local = (e.propertyName ?? e.name).text;
          if (target) facts.namedFrom.push({ target, local, exported: e.name.text });
          else facts.declared.add(e.name.text);
        }
      } else if (target) {
        facts.namedFrom.push({ target, local: '*', exported: node.exportClause.name.text });
      }
    } else if (ts.isExportAssignment(node)) {
      facts.declared.add('default');
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) for (const name of dynamicImportNames(node)) use(arg.text, name);
    } else if (hasExportModifier(node)) {
      const isDefault = (ts.getModifiers(node as ts.HasModifiers) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
      if (isDefault) facts.declared.add('default');
      else if (ts.isVariableStatement(node)) {
        const names: string[] = [];
        for (const d of node.declarationList.declarations) bindingNames(d.name, names);
        for (const n of names) facts.declared.add(n);
      } else if ('name' in node && node.name && ts.isIdentifier(node.name as ts.Node)) {
        facts.declared.add((node.name as ts.Identifier).text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return facts;
}

/** Every export in `files` that no other file in `files` imports, directly or through re-exports. */
export function unusedExports(root: string, files: string[], isEntryPoint: (file: string) => boolean): UnusedExport[] {
  const modules = new Map(files.map((f) => [f, readModule(f)]));
  const used = new Map<string, Set<string>>(files.map((f) => [f, new Set()]));
  const mark = (file: string, name: string): boolean => {
    const set = used.get(file);
    if (!set || set.has(name)) return false;
    set.add(name);
    return true;
  };
  for (const facts of modules.values()) for (const [target, names] of facts.uses) for (const n of names) mark(target, n);

  // Names used from a module that re-exports them count as used in the module they come from.
  for (let changed = true; changed;) {
    changed = false;
    for (const [file, facts] of modules) {
      const names = used.get(file)!;
      for (const { target, local, exported } of facts.namedFrom) {
        if (names.has(exported) || names.has('*')) changed = mark(target, local) || changed;
      }
      for (const target of facts.starFrom) {
        const wanted = names.has('*') ? ['*'] : [...names].filter((n) => !facts.declared.has(n));
        for (const n of wanted) changed = mark(target, n) || changed;
      }
    }
  }

  const out: UnusedExport[] = [];
  for (const [file, facts] of modules) {
    if (isEntryPoint(file)) continue;
    const names = used.get(file)!;
    if (names.has('*')) continue;
    for (const { exported } of facts.namedFrom) {
      if (!names.has(exported)) out.push({ file: relative(root, file), name: exported, fix: 'drop the re-export' });
    }
    for (const name of facts.declared) {
      // A Vue component's default export is the component, used from templates and routes.
      if (name === 'default' && file.endsWith('.vue')) continue;
      if (names.has(name)) continue;
      out.push({ file: relative(root, file), name, fix: (facts.identifierCounts.get(name) ?? 0) > 1 ? 'drop "export"' : 'delete it' });
    }
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name));
}
