// The looks the sections loaded on demand share (the mapping step, the outlook, since the last report, the review
// form) and the card list of the variances and key risks: native controls drawn like Fluent's, a section's
// heading, and the bordered cards. Style objects for makeStyles, written with Fluent's token names as CSS
// variables (MappingStep/token.ts), so a lazy chunk that uses them imports nothing of Fluent.
import { token } from "./MappingStep/token";

const focusRing = (offset: string) =>
  ({
    ":focus-visible": { outline: `2px solid ${token("colorStrokeFocus2")}`, outlineOffset: offset },
  }) as const;

/** A section's heading (h2) in the pane. */
export const sectionHeading = {
  margin: 0,
  fontSize: token("fontSizeBase400"),
  fontWeight: token("fontWeightSemibold"),
  color: token("colorNeutralForeground1"),
} as const;

/** A list of cards: no bullets, 8 px apart. */
export const cardList = {
  listStyleType: "none",
  margin: 0,
  padding: 0,
  display: "flex",
  flexDirection: "column",
  gap: "8px",
} as const;

/** One bordered card. */
export const card = {
  display: "flex",
  flexDirection: "column",
  gap: "4px",
  padding: "8px 10px",
  borderRadius: token("borderRadiusMedium"),
  border: `1px solid ${token("colorNeutralStroke2")}`,
} as const;

/** A native input, select or text area drawn like Fluent's Input (each adds its padding and size). */
export const nativeField = {
  boxSizing: "border-box",
  width: "100%",
  fontFamily: "inherit",
  fontSize: token("fontSizeBase300"),
  color: token("colorNeutralForeground1"),
  backgroundColor: token("colorNeutralBackground1"),
  border: `1px solid ${token("colorNeutralStroke1")}`,
  borderBottomColor: token("colorNeutralStrokeAccessible"),
  borderRadius: token("borderRadiusMedium"),
  ...focusRing("1px"),
} as const;

/** A native button drawn like Fluent's medium Button (its colours from primaryButton or secondaryButton). */
const nativeButton = {
  minHeight: "32px",
  padding: "5px 12px",
  fontFamily: "inherit",
  fontSize: token("fontSizeBase300"),
  fontWeight: token("fontWeightSemibold"),
  lineHeight: token("lineHeightBase300"),
  borderRadius: token("borderRadiusMedium"),
  cursor: "pointer",
  ...focusRing("2px"),
} as const;

/** Fluent's primary button colours. */
export const primaryButton = {
  ...nativeButton,
  color: token("colorNeutralForegroundOnBrand"),
  backgroundColor: token("colorBrandBackground"),
  border: "1px solid transparent",
  ":hover": { backgroundColor: token("colorBrandBackgroundHover") },
} as const;

/** Fluent's secondary (default) button colours. */
export const secondaryButton = {
  ...nativeButton,
  color: token("colorNeutralForeground1"),
  backgroundColor: token("colorNeutralBackground1"),
  border: `1px solid ${token("colorNeutralStroke1")}`,
  ":hover": { backgroundColor: token("colorNeutralBackground1Hover") },
} as const;
