// Renders a pane component inside Fluent's provider, as the pane itself does.
import "@testing-library/jest-dom";
import { FluentProvider } from "@fluentui/react-provider";
import { webLightTheme } from "@fluentui/react-theme";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";

export function renderInPane(ui: ReactElement) {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}
