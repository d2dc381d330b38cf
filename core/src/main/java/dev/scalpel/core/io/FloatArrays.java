package dev.scalpel.core.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Float arrays to and from little-endian bytes, for binary sections. */
public final class FloatArrays {
  private FloatArrays() {}

  public static byte[] toBytes(float[] values) {
    ByteBuffer buffer =
        ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    return buffer.array();
  }

  public static float[] fromBytes(byte[] bytes) {
    if (bytes.length % Float.BYTES != 0) {
      throw new IllegalArgumentException(
          "float section length " + bytes.length + " is not a multiple of 4");
    }
    float[] values = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return values;
  }
}
