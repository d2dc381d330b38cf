package dev.scalpel.cli;

import sun.misc.Signal;

/**
 * Runs an action on SIGHUP, the Unix convention for "read your configuration again", instead of the
 * JVM's default of shutting down. Where the platform has no SIGHUP, nothing happens.
 */
final class Hangup {
  private Hangup() {}

  /** Returns whether the handler was installed. */
  static boolean onHangup(Runnable action) {
    try {
      Signal.handle(new Signal("HUP"), signal -> action.run());
      return true;
    } catch (IllegalArgumentException unsupported) {
      return false;
    }
  }
}
