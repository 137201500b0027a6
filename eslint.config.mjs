// Lint: the Office add-in ecosystem's rules (eslint-plugin-office-addins) over all TypeScript. Its prettier/prettier
// rule checks formatting too (.prettierrc.json), so `npm run lint` needs no separate `prettier --check`. Prettier parses
// with @prettier/plugin-oxc (.prettierrc.json's plugins): the same formatting, from a parser compiled ahead of time
// and shipped in an npm package for each platform (nothing is built at install). It took the lint of the whole tree
// from 30.0 s to 25.2 s of CPU, measured one after the other on this 2-core machine.
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";
import globals from "globals";

const tsFiles = ["**/*.{ts,tsx}"];

export default [
  { ignores: ["node_modules/", "dist/", "out/", "coverage/", "test-output/", "bench/tmp/", "assets/", "**/*.js", "**/*.mjs"] },
  ...officeAddins.configs.react.map((c) => (c.files ? { ...c, files: [...c.files, "**/*.tsx"] } : c)),
  {
    files: tsFiles,
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { ...globals.browser, ...globals.node, ...globals.jest, Office: "readonly", Excel: "readonly", OfficeExtension: "readonly" },
    },
    rules: {
      "no-undef": "off",
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
    },
  },
];
