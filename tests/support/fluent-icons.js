// @fluentui/react-icons for jest (jest.config.js maps the package's main entry here): the same exports, each icon
// loaded from its own chunk of the package when a component first reads it.
//
// Why: Fluent's components (react-button, react-field, react-message-bar, ...) require the package's barrel, which
// loads all 60 chunks of icons (19 MB of code, about 1.3 s of CPU) into every test file that renders the pane; a
// bundle keeps only the few icons the pane draws. Here every name the barrel exports is a getter that requires its
// chunk on first use, so a component gets the very object the barrel would have given it. The barrel's own helpers
// (createFluentIcon, bundleIcon, the icon contexts, ...) are loaded as the barrel loads them.
// tests/taskpane/support/fluent-icons.test.ts checks the names and the objects against the barrel itself.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { runInThisContext } = require("node:vm");

const LIB = join(__dirname, "..", "..", "node_modules", "@fluentui", "react-icons", "lib-cjs");
const BARREL = join(LIB, "index.cjs");
const CHUNK = /__exportStar\(require\("\.\/((?:icons|sizedIcons)\/chunk-\d+\.cjs)"\), exports\)/g;
const EXPORTED = /^exports\.([A-Za-z_$][\w$]*) = /gm;

/**
 * Each chunk the barrel re-exports and the names it defines, read from the files' text (a few milliseconds, once
 * per jest worker: kept on the worker's own global object, as tests/support/office-js.ts keeps the Office client).
 */
function chunkNames() {
  const global = runInThisContext("globalThis");
  const key = Symbol.for("portfolio-summary.fluent-icon-chunks");
  if (global[key]) return global[key];
  const chunks = [...readFileSync(BARREL, "utf8").matchAll(CHUNK)].map(([, file]) => ({
    file,
    names: [...new Set([...readFileSync(join(LIB, file), "utf8").matchAll(EXPORTED)].map((m) => m[1]))],
  }));
  if (chunks.length === 0) throw new Error(`No icon chunks found in ${BARREL}: its layout has changed`);
  global[key] = chunks;
  return chunks;
}

Object.defineProperty(exports, "__esModule", { value: true });
for (const { file, names } of chunkNames()) {
  let chunk;
  const load = () => (chunk ??= require(join(LIB, file)));
  for (const name of names) {
    // As tslib's __exportStar: a name an earlier chunk gave stays that chunk's.
    if (Object.prototype.hasOwnProperty.call(exports, name)) continue;
    Object.defineProperty(exports, name, { enumerable: true, configurable: true, get: () => load()[name] });
  }
}

// Everything else the barrel exports, loaded as it loads it: named bindings replace, star exports only add.
const bind = (module, name) =>
  Object.defineProperty(exports, name, { enumerable: true, configurable: true, get: () => module[name] });
const named = (module, names) => names.forEach((name) => bind(module, name));
const star = (module) => {
  for (const name of Object.keys(module)) {
    if (name !== "default" && !Object.prototype.hasOwnProperty.call(exports, name)) bind(module, name);
  }
};
named(require(join(LIB, "utils", "wrapIcon.cjs")), ["wrapIcon"]);
named(require(join(LIB, "utils", "bundleIcon.cjs")), ["bundleIcon"]);
named(require(join(LIB, "utils", "createFluentIcon.cjs")), ["createFluentIcon"]);
star(require(join(LIB, "utils", "useIconState.cjs")));
star(require(join(LIB, "utils", "constants.cjs")));
named(require(join(LIB, "contexts", "index.cjs")), ["IconDirectionContextProvider", "useIconContext"]);
