// docs/cli.md shows the CLI's real help text and exit codes, so the page cannot drift from the code.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { USAGE } from "../../src/cli/args";
import { EXIT_INTERNAL, EXIT_OK, EXIT_TRACKER_ERRORS, EXIT_UNREADABLE } from "../../src/cli/main";

const doc = readFileSync(join(__dirname, "..", "..", "docs", "cli.md"), "utf8");

describe("docs/cli.md", () => {
  it("contains the help text exactly as --help prints it", () => {
    expect(doc).toContain(USAGE);
  });

  it("documents every exit status the CLI returns", () => {
    for (const code of [EXIT_OK, EXIT_TRACKER_ERRORS, EXIT_UNREADABLE, EXIT_INTERNAL])
      expect(doc).toMatch(new RegExp(`^\\| ${code} +\\|`, "m"));
  });
});
