package dev.scalpel.learn;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scalpel.core.io.ModelFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Damaged copies of the frozen model never load, and never fail with anything but a clear error.
 */
class ModelFileGarbageTest {
  private static final byte[] FROZEN = frozenBytes();

  private static byte[] frozenBytes() {
    try {
      return Files.readAllBytes(FrozenModelTest.frozenFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertRejected(byte[] bytes) throws IOException {
    Path file = Files.createTempFile("garbage", ".scalpel");
    try {
      Files.write(file, bytes);
      assertThatThrownBy(() ->
              SpecialistFiles.load(
                  file,
                  identity -> {
                    throw new AssertionError("asked for an encoder for a damaged file");
                  }))
          .isInstanceOf(ModelFormatException.class)
          .hasMessageStartingWith(file + ": ");
    } finally {
      Files.delete(file);
    }
  }

  @Property(tries = 40)
  void anyFlippedByteIsRejected(
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double where,
      @ForAll @IntRange(min = 1, max = 255) int mask)
      throws IOException {
    byte[] bytes = FROZEN.clone();
    bytes[(int) (where * bytes.length)] ^= (byte) mask;

    assertRejected(bytes);
  }

  @Property(tries = 40)
  void anyTruncationIsRejected(
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double keep) throws IOException {
    assertRejected(Arrays.copyOf(FROZEN, (int) (keep * FROZEN.length)));
  }

  @Property(tries = 100)
  void garbageBehindAValidHeaderIsRejected(@ForAll @Size(max = 4096) byte[] garbage)
      throws IOException {
    byte[] bytes = Arrays.copyOf(FROZEN, 12 + garbage.length);
    System.arraycopy(garbage, 0, bytes, 12, garbage.length);

    assertRejected(bytes);
  }
}
