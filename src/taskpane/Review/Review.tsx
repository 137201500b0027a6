// The review in the pane, eager part: what a note says under its variance or query, and the form (ReviewForm.tsx)
// loaded on demand the first time someone opens one, so a pane opened only to read never downloads it.
import { lazy, Suspense } from "react";
import type { ReviewFormProps } from "./ReviewForm";

export type { NoteFields } from "./ReviewForm";

const ReviewForm = lazy(() => import("./ReviewForm"));

export function NoteEditor(props: ReviewFormProps) {
  return (
    <Suspense fallback={<span role="status">Opening the form…</span>}>
      <ReviewForm {...props} />
    </Suspense>
  );
}
