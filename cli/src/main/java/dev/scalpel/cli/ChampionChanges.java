package dev.scalpel.cli;

import dev.scalpel.flywheel.registry.ChampionChange;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Reports a champion change: the move on stdout (exit 0), or why the champion stayed on stderr
 * (exit 1, except when the version asked for already is the champion).
 */
final class ChampionChanges {
  private ChampionChanges() {}

  static int report(CommandLine commandLine, ChampionChange change) {
    PrintWriter out = commandLine.getOut();
    PrintWriter err = commandLine.getErr();
    int exit =
        switch (change) {
          case ChampionChange.Switched s -> {
            out.println(
                s.action()
                    + ": champion "
                    + (s.previous() == null ? "(none)" : s.previous())
                    + " -> "
                    + s.current());
            yield 0;
          }
          case ChampionChange.Kept k
              when k.champion() != null && k.champion().equals(k.version()) -> {
            out.println(k.reason());
            yield 0;
          }
          case ChampionChange.Kept k -> {
            err.println(
                "error: champion stays "
                    + (k.champion() == null ? "(none)" : k.champion())
                    + ": "
                    + k.reason());
            yield 1;
          }
        };
    out.flush();
    err.flush();
    return exit;
  }
}
