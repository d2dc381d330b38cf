package dev.scalpel.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Floats to little-endian bytes and back. */
class FloatArraysTest {
  @Test
  void roundTripKeepsEveryValueBitForBit() {
    float[] values = {0f, -0f, 1.5f, -3.25e-7f, Float.MAX_VALUE, Float.MIN_VALUE, Float.NaN};

    float[] back = FloatArrays.fromBytes(FloatArrays.toBytes(values));

    assertThat(back).hasSize(values.length);
    for (int i = 0; i < values.length; i++) {
      assertThat(Float.floatToRawIntBits(back[i])).isEqualTo(Float.floatToRawIntBits(values[i]));
    }
  }

  @Test
  void bytesAreLittleEndian() {
    assertThat(FloatArrays.toBytes(new float[] {1.0f})).containsExactly(0, 0, (byte) 0x80, 0x3F);
  }

  @Test
  void lengthThatIsNotAMultipleOfFourIsRefused() {
    assertThatThrownBy(() -> FloatArrays.fromBytes(new byte[6]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("float section length 6 is not a multiple of 4");
  }
}
