package dev.scalpel.embed;

/**
 * What a model file records about the encoder it was trained with: a name, the SHA-256 of the ONNX
 * weights, the vector size and the pooling. A model only loads with an encoder of the same
 * identity.
 */
public record EncoderIdentity(String name, String sha256, int dimension, Pooling pooling) {
  public EncoderIdentity {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("encoder name must not be blank");
    }
    if (sha256 == null || sha256.length() != 64) {
      throw new IllegalArgumentException(
          "encoder sha256 must be 64 hex characters, found " + sha256);
    }
    if (dimension <= 0) {
      throw new IllegalArgumentException("encoder dimension must be positive, found " + dimension);
    }
    if (pooling == null) {
      throw new IllegalArgumentException("pooling must not be null");
    }
  }
}
