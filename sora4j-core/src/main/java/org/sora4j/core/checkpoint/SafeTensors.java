package org.sora4j.core.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads and writes safetensors files (Hugging Face's format): an 8-byte little-endian header
 * length, a JSON header {@code {name: {dtype, shape, data_offsets}, "__metadata__": {...}}}
 * padded with spaces to a multiple of 8 bytes, then the tensors' little-endian data, contiguous,
 * with offsets relative to the start of the data.
 *
 * <p>Hand-written because no Java library on Maven Central implements the format well and DJL can
 * read but not write it; the format is small enough to own.
 */
public final class SafeTensors {
  /** Values converted per write chunk: bounds the extra memory a huge tensor needs. */
  private static final int CHUNK_VALUES = 1 << 18;

  private static final ObjectMapper JSON = new ObjectMapper();

  private SafeTensors() {}

  /**
   * Writes {@code tensors} to {@code file} atomically (a crash never leaves a partial file under
   * that name), in map order.
   *
   * @param tensors named floating-point tensors; any float dtype is converted to {@code storage}
   * @param metadata strings for the header's {@code __metadata__} (may be empty)
   * @param storage F32 (exact) or F16 (rounded to nearest even)
   * @throws IllegalArgumentException if a tensor is not floating point, or a finite value does
   *     not fit F16
   */
  public static void write(
      Path file, Map<String, NDArray> tensors, Map<String, String> metadata, StorageType storage)
      throws IOException {
    AtomicFiles.write(file, temp -> writeTo(temp, tensors, metadata, storage));
  }

  /**
   * Reads every tensor of {@code file} as an fp32 array on {@code manager}, in header order.
   *
   * @throws IOException naming the file if it is truncated, its header is invalid or a dtype is
   *     neither F32 nor F16
   */
  public static Map<String, NDArray> read(Path file, NDManager manager) throws IOException {
    Objects.requireNonNull(manager, "manager");
    try (FileChannel channel = open(file)) {
      SafeTensorsHeader header = SafeTensorsHeader.read(file, channel);
      Map<String, NDArray> out = new LinkedHashMap<>();
      try {
        for (TensorEntry entry : header.tensors()) {
          out.put(entry.name(), manager.create(readValues(file, channel, header, entry), entry.shape()));
        }
      } catch (IOException | RuntimeException e) {
        out.values().forEach(NDArray::close);
        throw e;
      }
      return out;
    }
  }

  /** The {@code __metadata__} strings of {@code file}'s header (empty if it has none). */
  public static Map<String, String> metadata(Path file) throws IOException {
    try (FileChannel channel = open(file)) {
      return SafeTensorsHeader.read(file, channel).metadata();
    }
  }

  /** Names and shapes of the tensors in {@code file}, in header order, without reading data. */
  public static Map<String, Shape> shapes(Path file) throws IOException {
    try (FileChannel channel = open(file)) {
      Map<String, Shape> out = new LinkedHashMap<>();
      for (TensorEntry e : SafeTensorsHeader.read(file, channel).tensors()) {
        out.put(e.name(), e.shape());
      }
      return out;
    }
  }

  /** Writes the file in place (not atomically) and returns the SHA-256 of its bytes, in hex. */
  static String writeTo(
      Path file, Map<String, NDArray> tensors, Map<String, String> metadata, StorageType storage)
      throws IOException {
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(metadata, "metadata");
    List<Map.Entry<String, NDArray>> entries = new ArrayList<>(tensors.entrySet());
    byte[] header = header(entries, metadata, storage);
    MessageDigest sha = sha256();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer prefix = ByteBuffer.allocate(8 + header.length).order(ByteOrder.LITTLE_ENDIAN);
      prefix.putLong(header.length).put(header).flip();
      writeAll(channel, prefix, sha);
      ByteBuffer chunk = ByteBuffer.allocate(CHUNK_VALUES * storage.bytesPerValue())
          .order(ByteOrder.LITTLE_ENDIAN);
      for (Map.Entry<String, NDArray> e : entries) {
        float[] values = floats(e.getKey(), e.getValue());
        for (int start = 0; start < values.length; start += CHUNK_VALUES) {
          chunk.clear();
          int end = Math.min(values.length, start + CHUNK_VALUES);
          for (int i = start; i < end; i++) {
            if (storage == StorageType.F32) {
              chunk.putFloat(values[i]);
            } else {
              chunk.putShort(toHalf(e.getKey(), values[i]));
            }
          }
          writeAll(channel, chunk.flip(), sha);
        }
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Reads one tensor's values as floats. */
  static float[] readValues(Path file, FileChannel channel, SafeTensorsHeader header, TensorEntry entry)
      throws IOException {
    long bytes = entry.byteLength();
    if (bytes > Integer.MAX_VALUE - 8) {
      throw new IOException(file + ": tensor \"" + entry.name() + "\" holds " + bytes
          + " bytes, more than one Java array can hold");
    }
    ByteBuffer data = SafeTensorsHeader.readFully(file, channel, header.dataStart() + entry.begin(), (int) bytes)
        .order(ByteOrder.LITTLE_ENDIAN);
    float[] values = new float[(int) (bytes / entry.storage().bytesPerValue())];
    if (entry.storage() == StorageType.F32) {
      data.asFloatBuffer().get(values);
    } else {
      for (int i = 0; i < values.length; i++) {
        values[i] = Float16.toFloat(data.getShort());
      }
    }
    return values;
  }

  /** Opens an existing file for reading, naming it if it is missing. */
  static FileChannel open(Path file) throws IOException {
    try {
      return FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new IOException(file + " does not exist", e);
    }
  }

  /** SHA-256 of a whole file, in hex. */
  static String sha256(Path file) throws IOException {
    MessageDigest sha = sha256();
    try (FileChannel channel = open(file)) {
      ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
      while (channel.read(buffer) >= 0) {
        sha.update(buffer.flip());
        buffer.clear();
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static byte[] header(
      List<Map.Entry<String, NDArray>> entries, Map<String, String> metadata, StorageType storage)
      throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    if (!metadata.isEmpty()) {
      json.put(SafeTensorsHeader.METADATA_KEY, metadata);
    }
    long offset = 0;
    for (Map.Entry<String, NDArray> e : entries) {
      String name = Objects.requireNonNull(e.getKey(), "tensor name");
      if (name.equals(SafeTensorsHeader.METADATA_KEY)) {
        throw new IllegalArgumentException("a tensor cannot be named " + name);
      }
      NDArray array = Objects.requireNonNull(e.getValue(), () -> "tensor \"" + name + "\" is null");
      long end = offset + array.size() * storage.bytesPerValue();
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("dtype", storage.dtype());
      entry.put("shape", array.getShape().getShape());
      entry.put("data_offsets", new long[] {offset, end});
      json.put(name, entry);
      offset = end;
    }
    byte[] raw = JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
    // the format pads the header with spaces so the data starts 8-byte aligned
    int padded = (raw.length + 7) / 8 * 8;
    byte[] out = new byte[padded];
    System.arraycopy(raw, 0, out, 0, raw.length);
    java.util.Arrays.fill(out, raw.length, padded, (byte) ' ');
    return out;
  }

  private static float[] floats(String name, NDArray array) {
    DataType type = array.getDataType();
    if (type == DataType.FLOAT32) {
      return array.toFloatArray();
    }
    if (!type.isFloating()) {
      throw new IllegalArgumentException("tensor \"" + name + "\" has dtype " + type
          + "; safetensors files written by sora4j hold floating-point tensors only");
    }
    try (NDArray converted = array.toType(DataType.FLOAT32, true)) {
      return converted.toFloatArray();
    }
  }

  private static short toHalf(String name, float value) {
    short half = Float16.fromFloat(value);
    if ((half & 0x7fff) == 0x7c00 && Float.isFinite(value)) {
      throw new IllegalArgumentException("tensor \"" + name + "\" holds " + value
          + ", outside the F16 range of ±65504; store it as F32");
    }
    return half;
  }

  private static void writeAll(FileChannel channel, ByteBuffer buffer, MessageDigest sha)
      throws IOException {
    sha.update(buffer.duplicate());
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
