// Style for text that screen readers announce but sighted users do not need (it repeats what is next to it).
import type { GriffelStyle } from "@griffel/react";

export const visuallyHidden: GriffelStyle = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  padding: 0,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
  border: 0,
};
