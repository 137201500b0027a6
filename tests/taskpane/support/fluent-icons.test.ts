// The icon package as jest loads it (tests/support/fluent-icons.js, mapped in jest.config.js) is the package's own
// barrel, only loaded lazily: the same names, and each one the same object the barrel gives.
import * as lazy from "@fluentui/react-icons";

// The barrel itself, by its file (the package name is the lazy module here).
const barrel = require("../../../node_modules/@fluentui/react-icons/lib-cjs/index.cjs") as Record<
  string,
  unknown
>;

test("every name the barrel exports, and no other", () => {
  const names = (o: object) =>
    Object.keys(o)
      .filter((k) => k !== "default")
      .sort();
  expect(names(lazy)).toEqual(names(barrel));
  expect(names(barrel).length).toBeGreaterThan(10_000);
});

test("each name is the barrel's own object (icons, helpers and contexts)", () => {
  const own = lazy as unknown as Record<string, unknown>;
  const differ = Object.keys(barrel).filter((k) => k !== "default" && own[k] !== barrel[k]);
  expect(differ).toEqual([]);
  expect(own.ChevronDownRegular).toBeTruthy();
  expect(own.createFluentIcon).toBe(barrel.createFluentIcon);
});
