package dev.scalpel.learn;

/** The version of Scalpel recorded in model provenance. */
public final class ScalpelVersion {
  private ScalpelVersion() {}

  public static String current() {
    String version = ScalpelVersion.class.getPackage().getImplementationVersion();
    return version == null ? "0.1.0-SNAPSHOT" : version;
  }
}
