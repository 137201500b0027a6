// Jest's transform: TypeScript through SWC (@swc/jest), then each module's code wrapped so that the JavaScript
// built-ins it names (Object, Array, Math, JSON, Map, ...) are bindings of its own scope, not lookups on the test
// file's global object.
//
// Why: jest runs every test file in a `vm` context, and on Node 20 every read of a global variable there goes
// through the context's interceptor, about 0.3 µs each against a few nanoseconds in an ordinary script; code that
// reads `Object.prototype.hasOwnProperty` or `Math.max` in a loop over every cell of a sheet spent most of its time
// there (the in-memory Excel's cell pruning alone took a tenth of the unit tests' CPU). The wrapper passes the same
// objects, read once when the module loads, so the code sees exactly what it would have seen: `undefined` stays
// as it is (V8 already reads it for free); Date, the timers, `console`, `process` and anything a test environment or
// jest's fake timers may install or replace are not touched.
const { createHash } = require("node:crypto");
const swcJest = require("@swc/jest");

/** The ECMAScript built-ins a module may read from the global object: never replaced in this project's tests. */
const BUILTINS = [
  "Object",
  "Array",
  "Function",
  "JSON",
  "Math",
  "Number",
  "String",
  "Boolean",
  "Symbol",
  "BigInt",
  "Map",
  "Set",
  "WeakMap",
  "WeakSet",
  "Promise",
  "Reflect",
  "Proxy",
  "Error",
  "TypeError",
  "RangeError",
  "SyntaxError",
  "ReferenceError",
  "RegExp",
  "ArrayBuffer",
  "DataView",
  "Uint8Array",
  "Uint16Array",
  "Uint32Array",
  "Int8Array",
  "Int16Array",
  "Int32Array",
  "Float32Array",
  "Float64Array",
  "Intl",
  "NaN",
  "Infinity",
  "isNaN",
  "isFinite",
  "parseInt",
  "parseFloat",
  "encodeURIComponent",
  "decodeURIComponent",
  "globalThis",
];

const PARAMS = BUILTINS.join(", ");
const ARGS = BUILTINS.map((name) => (name === "globalThis" ? "globalThis" : `globalThis.${name}`)).join(", ");
// One line before the module's first line (so every line number the source map gives stays right) and one after
// its last. The inner function keeps the module's own `this` and `arguments` and may redeclare any of the names.
const HEAD = `(function (${PARAMS}) { return function () {`;
const TAIL = `\n}; })(${ARGS}).apply(this, arguments);`;

const SOURCE_MAP_COMMENT = /\n\/\/# sourceMappingURL=[^\n]*\s*$/;

/** The module's code with the built-ins bound in its scope; an inline source map comment stays last. */
function wrap(code) {
  const map = SOURCE_MAP_COMMENT.exec(code);
  const body = map ? code.slice(0, map.index) : code;
  return `${HEAD}${body}${TAIL}${map ? map[0] : ""}`;
}

const VERSION = createHash("sha1").update(HEAD).update(TAIL).digest("hex");

module.exports = {
  createTransformer(options) {
    const swc = swcJest.createTransformer(options);
    return {
      ...swc,
      process(src, filename, jestOptions) {
        const out = swc.process(src, filename, jestOptions);
        return { ...out, code: wrap(out.code) };
      },
      async processAsync(src, filename, jestOptions) {
        const out = await swc.processAsync(src, filename, jestOptions);
        return { ...out, code: wrap(out.code) };
      },
      getCacheKey(src, filename, ...rest) {
        return createHash("sha1")
          .update(swc.getCacheKey(src, filename, ...rest))
          .update(VERSION)
          .digest("hex");
      },
    };
  },
};
