package dev.scalpel.flywheel;

/**
 * Specialist names as the registry and the datasets use them: they name directories and prefix
 * version strings ({@code intent} gives {@code intent-1}, {@code intent-2}, ...).
 */
public final class SpecialistNames {
  private SpecialistNames() {}

  /** Returns {@code name} when it is usable as a directory name; a RegistryException otherwise. */
  public static String requireValid(String name) {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
      throw new RegistryException(
          "a specialist name must be 1-64 letters, digits, '_', '.' or '-', starting with a letter"
              + " or digit; found '"
              + name
              + "'");
    }
    return name;
  }
}
