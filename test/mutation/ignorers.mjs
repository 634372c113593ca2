// Stryker ignorer plugins (https://stryker-mutator.io/docs/stryker-js/disable-mutants/#using-an-ignore-plugin):
// code Stryker cannot mutate, named here rather than left to fail a run.

/**
 * A class member named by a string (`get 'pt-BR'()` in engine-method.ts's lazy text): Stryker 9.6
 * offers to mutate the name but cannot place that mutant, since a member's name is not an
 * expression, and the whole run stops with "could not place mutants". The name is the contract
 * of LocalizedText, which the type checker holds in place already.
 */
const stringMemberNames = {
  shouldIgnore(path) {
    if (path.isStringLiteral() && path.key === 'key' && (path.parentPath?.isClassMethod() || path.parentPath?.isClassProperty())) {
      return "a class member's name is not an expression Stryker can mutate";
    }
    return undefined;
  },
};

/** Declared as @stryker-mutator/api's declareValuePlugin(PluginKind.Ignore, …) would, without importing it. */
export const strykerPlugins = [{ kind: 'Ignore', name: 'string-member-names', value: stringMemberNames }];
