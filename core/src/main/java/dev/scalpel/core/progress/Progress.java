package dev.scalpel.core.progress;

/**
 * Reports progress of a long step (embedding, training). The CLI draws a bar on a terminal and
 * plain log lines otherwise; library callers pass {@link #NONE}.
 */
public interface Progress {
  Progress NONE =
      new Progress() {
        @Override
        public void start(String task, long total) {}

        @Override
        public void advance(long done) {}

        @Override
        public void finish() {}
      };

  /** A new step of {@code total} units begins. */
  void start(String task, long total);

  /** {@code done} more units of the current step are finished. */
  void advance(long done);

  /** The current step is finished. */
  void finish();
}
