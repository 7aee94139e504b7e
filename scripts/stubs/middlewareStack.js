// Stands in for the AWS SDK's middleware stack in the script-tag bundle, in the one form the Participant
// client uses: middlewares added at a step and priority or next to a named one, stacks cloned, concatenated
// and resolved into one handler, in the SDK's order (step, then priority, then the order added; a relative
// middleware sits next to its target, those before it in the order added, those after it in reverse). The
// client never removes or lists middlewares, so those ask for a clear error.
const STEP = { initialize: 5, serialize: 4, build: 3, finalizeRequest: 2, deserialize: 1 };
const PRIORITY = { high: 3, normal: 2, low: 1 };

const namesOf = (entry) => [entry.name, ...(entry.aliases || [])].filter(Boolean);
const notInBundle = (what) => () => {
  throw new Error(`middlewareStack.${what}() is not part of this bundle`);
};

export const constructStack = () => {
  let absolute = [];
  let relative = [];

  /** Takes out the entries of `list` that `entry` overrides by name, or refuses a duplicate name. */
  const withoutOverridden = (list, entry) => {
    const names = namesOf(entry);
    const taken = (other) => namesOf(other).some((name) => names.includes(name));
    if (![...absolute, ...relative].some(taken)) return list;
    if (!entry.override) throw new Error(`Duplicate middleware name '${names.join(',')}'`);
    return list.filter((other) => !taken(other));
  };

  /** Every entry in running order, outermost first. */
  const ordered = () => {
    const byName = {};
    const node = (entry) => {
      const copy = { ...entry, before: [], after: [] };
      namesOf(copy).forEach((name) => (byName[name] = copy));
      return copy;
    };
    const roots = absolute.map(node);
    relative.map(node).forEach((entry) => {
      const target = byName[entry.toMiddleware];
      if (!target) throw new Error(`${entry.toMiddleware} is not found when adding ${entry.name || 'anonymous'} middleware ${entry.relation} ${entry.toMiddleware}`);
      if (entry.relation === 'after') target.after.push(entry);
      if (entry.relation === 'before') target.before.push(entry);
    });
    const expand = (entry) => [...entry.before.flatMap(expand), entry, ...entry.after.reverse().flatMap(expand)];
    return roots
      .sort((a, b) => STEP[b.step] - STEP[a.step] || PRIORITY[b.priority || 'normal'] - PRIORITY[a.priority || 'normal'])
      .flatMap(expand);
  };

  const cloneTo = (target) => {
    absolute.forEach((entry) => target.add(entry.middleware, { ...entry }));
    relative.forEach((entry) => target.addRelativeTo(entry.middleware, { ...entry }));
    return target;
  };

  const stack = {
    add: (middleware, options = {}) => {
      const entry = { step: 'initialize', priority: 'normal', middleware, ...options };
      absolute = withoutOverridden(absolute, entry);
      absolute.push(entry);
    },
    addRelativeTo: (middleware, options) => {
      const entry = { middleware, ...options };
      relative = withoutOverridden(relative, entry);
      relative.push(entry);
    },
    clone: () => cloneTo(constructStack()),
    use: (plugin) => plugin.applyToStack(stack),
    concat: (from) => {
      const joined = cloneTo(constructStack());
      joined.use(from);
      return joined;
    },
    applyToStack: cloneTo,
    identifyOnResolve: () => false,
    remove: notInBundle('remove'),
    removeByTag: notInBundle('removeByTag'),
    identify: notInBundle('identify'),
    resolve: (handler, context) =>
      ordered()
        .reverse()
        .reduce((next, entry) => entry.middleware(next, context), handler),
  };
  return stack;
};
