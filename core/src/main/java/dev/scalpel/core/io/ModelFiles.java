package dev.scalpel.core.io;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Reads and writes the model file: an 8-byte magic, a format version, the metadata JSON, named
 * sections, and a footer with its own magic and a CRC32C of everything before it. Writes are
 * atomic; reads check everything before returning.
 */
public final class ModelFiles {
  /** The format version this build writes, and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  private static final byte[] MAGIC = {'S', 'C', 'A', 'L', 'P', 'E', 'L', 0x1A};
  private static final int FOOTER_MAGIC = 0x5C41_7E1D;
  private static final int FOOTER_LENGTH = 4 + 8;
  private static final int HEADER_LENGTH = MAGIC.length + 4;

  private ModelFiles() {}

  public static void write(Path file, ModelArtifact artifact) {
    AtomicFiles.write(file, encode(artifact));
  }

  public static byte[] encode(ModelArtifact artifact) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.write(MAGIC);
      out.writeInt(FORMAT_VERSION);
      byte[] metadata = artifact.metadataJson().getBytes(StandardCharsets.UTF_8);
      out.writeInt(metadata.length);
      out.write(metadata);
      out.writeInt(artifact.sections().size());
      for (Map.Entry<String, byte[]> section : artifact.sections().entrySet()) {
        byte[] name = section.getKey().getBytes(StandardCharsets.UTF_8);
        out.writeInt(name.length);
        out.write(name);
        out.writeLong(section.getValue().length);
        out.write(section.getValue());
      }
      out.flush();
      CRC32C crc = new CRC32C();
      crc.update(bytes.toByteArray());
      out.writeInt(FOOTER_MAGIC);
      out.writeLong(crc.getValue());
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ModelArtifact read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ModelFormatException(file, "file not found");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return decode(file, bytes);
  }

  public static ModelArtifact decode(Path file, byte[] bytes) {
    if (bytes.length < MAGIC.length
        || !java.util.Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new ModelFormatException(
          file,
          "not a Scalpel model file (expected magic "
              + HexFormat.of().formatHex(MAGIC)
              + ", found "
              + HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, MAGIC.length))
              + ")");
    }
    if (bytes.length < HEADER_LENGTH + FOOTER_LENGTH) {
      throw new ModelFormatException(file, "truncated (only " + bytes.length + " bytes)");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    int version = buffer.getInt(MAGIC.length);
    int footerAt = bytes.length - FOOTER_LENGTH;
    int footerMagic = buffer.getInt(footerAt);
    long storedCrc = buffer.getLong(footerAt + 4);
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, footerAt);
    boolean intact = footerMagic == FOOTER_MAGIC && storedCrc == crc.getValue();
    if (version > FORMAT_VERSION) {
      // A later format may checksum differently, so an unverifiable newer file is reported as
      // possibly either.
      throw new ModelFormatException(
          file,
          (intact ? "written by a newer Scalpel" : "written by a newer Scalpel, or corrupted")
              + " (model format "
              + version
              + ", this version reads up to "
              + FORMAT_VERSION
              + "); upgrade Scalpel to load it");
    }
    if (!intact) {
      throw new ModelFormatException(
          file,
          String.format(
              "truncated or corrupted (checksum mismatch: expected %016x, found %016x); retrain or restore the file",
              storedCrc, crc.getValue()));
    }
    if (version < 1) {
      throw new ModelFormatException(file, "corrupted (format version " + version + ")");
    }
    try {
      buffer.position(HEADER_LENGTH).limit(footerAt);
      byte[] metadata = new byte[checkedLength(buffer, buffer.getInt())];
      buffer.get(metadata);
      int count = buffer.getInt();
      Map<String, byte[]> sections = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        String name = readUtf(buffer);
        long length = buffer.getLong();
        if (length < 0 || length > buffer.remaining()) {
          throw new ModelFormatException(
              file, "corrupted (section '" + name + "' overruns the file)");
        }
        byte[] section = new byte[(int) length];
        buffer.get(section);
        sections.put(name, section);
      }
      return new ModelArtifact(new String(metadata, StandardCharsets.UTF_8), sections);
    } catch (BufferUnderflowException | NegativeArraySizeException | IllegalArgumentException e) {
      throw new ModelFormatException(file, "corrupted (inconsistent section table)");
    }
  }

  private static int checkedLength(ByteBuffer buffer, int length) {
    if (length < 0 || length > buffer.remaining()) {
      throw new IllegalArgumentException("length " + length + " overruns the file");
    }
    return length;
  }

  private static String readUtf(ByteBuffer buffer) {
    byte[] utf = new byte[checkedLength(buffer, buffer.getInt())];
    buffer.get(utf);
    return new String(utf, StandardCharsets.UTF_8);
  }
}
