package dev.scalpel.cli;

import dev.scalpel.learn.ScalpelVersion;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"scalpel " + ScalpelVersion.current()};
  }
}
