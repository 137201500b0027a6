// Fluent design tokens by name, as the CSS variables they stand for, for code loaded on demand. Importing Fluent's
// `tokens` object there keeps all of it (about 30 KB) in the pane's first download: a lazy chunk stops the build
// from inlining just the few values used.
import type { tokens } from "@fluentui/react-theme";

export type TokenName = keyof typeof tokens;

/** `token("colorNeutralStroke2")` is what `tokens.colorNeutralStroke2` is: "var(--colorNeutralStroke2)". */
export const token = (name: TokenName): string => `var(--${name})`;
