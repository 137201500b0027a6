// Draws a refresh report into the dialog's page: plain DOM, so the dialog loads fast and holds no framework.
import type { RefreshReport } from "./report";

/** Replaces `root`'s content with the report; `onClose` is called by its button. */
export function renderReport(root: HTMLElement, report: RefreshReport, onClose: () => void): void {
  const doc = root.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string) => {
    const node = doc.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const main = el("main");
  main.setAttribute("aria-labelledby", "report-title");
  const title = el("h1", report.title);
  title.id = "report-title";
  main.append(title, el("p", report.message));
  if (report.problems.length > 0) {
    const list = el("ul");
    list.setAttribute("aria-label", "Problems in the tracker");
    for (const problem of report.problems) {
      const item = el("li");
      const where = el("strong", problem.where);
      item.append(where, doc.createTextNode(`: ${problem.message}`));
      list.append(item);
    }
    main.append(list);
    if (report.more > 0) main.append(el("p", `…and ${report.more} more.`));
  }
  main.append(el("p", report.next));
  const close = el("button", "Close");
  close.type = "button";
  close.addEventListener("click", onClose);
  main.append(close);
  root.replaceChildren(main);
  close.focus();
}
