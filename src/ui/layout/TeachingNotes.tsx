/** How to use the page, below the fold so the loop keeps the screen. */
export function TeachingNotes() {
  return (
    <section className="teaching-notes" aria-labelledby="teaching-heading">
      <h2 id="teaching-heading">How it works</h2>
      <ol>
        <li>
          Run a range test: the LR sweeps upward for a short run and the loss at each step is
          recorded; the weights are restored afterwards.
        </li>
        <li>
          Set the bounds on its chart, or take the suggestion: Max LR where learning stops
          improving, Base LR a few times lower.
        </li>
        <li>
          Train with a cyclical schedule and watch the LR, loss and accuracy charts respond. Space
          pauses and resumes.
        </li>
      </ol>
    </section>
  );
}
