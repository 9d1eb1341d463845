package org.sora4j.core.checkpoint;

import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed and validated header of a safetensors file: every tensor lies inside the data
 * section, the tensors tile it without gaps or overlaps, and each byte range matches its shape.
 *
 * @param tensors the tensors in header order
 * @param metadata the {@code __metadata__} strings (empty if absent)
 * @param dataStart absolute file offset of the data section
 */
record SafeTensorsHeader(List<TensorEntry> tensors, Map<String, String> metadata, long dataStart) {
  static final String METADATA_KEY = "__metadata__";
  /** The Python reader's own limit; a larger length means a corrupt or foreign file. */
  static final long MAX_HEADER_BYTES = 100_000_000L;

  // a repeated tensor name would otherwise silently keep the last entry
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** Reads and validates the header of {@code file}, open as {@code channel}. */
  static SafeTensorsHeader read(Path file, FileChannel channel) throws IOException {
    long size = channel.size();
    if (size < 8) {
      throw new IOException(file + " is truncated or not a safetensors file: " + size
          + " bytes, fewer than the 8-byte header length");
    }
    long headerLength = readFully(file, channel, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    if (headerLength < 2 || headerLength > MAX_HEADER_BYTES) {
      throw new IOException(file + " is not a safetensors file: header length " + headerLength
          + " is outside 2.." + MAX_HEADER_BYTES);
    }
    if (headerLength > size - 8) {
      throw new IOException(file + " is truncated: header length " + headerLength
          + " exceeds the " + (size - 8) + " bytes after it");
    }
    ByteBuffer headerBytes = readFully(file, channel, 8, (int) headerLength);
    String text = new String(headerBytes.array(), StandardCharsets.UTF_8);
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IOException(file + ": safetensors header is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IOException(file + ": safetensors header is not a JSON object");
    }
    long dataStart = 8 + headerLength;
    List<TensorEntry> tensors = new ArrayList<>();
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      if (field.getKey().equals(METADATA_KEY)) {
        metadata.putAll(metadata(file, field.getValue()));
      } else {
        tensors.add(entry(file, field.getKey(), field.getValue()));
      }
    }
    checkTiling(file, tensors, size - dataStart);
    return new SafeTensorsHeader(List.copyOf(tensors), Map.copyOf(metadata), dataStart);
  }

  /** Reads {@code length} bytes at {@code position}, failing clearly if the file ends first. */
  static ByteBuffer readFully(Path file, FileChannel channel, long position, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, position + buffer.position());
      if (n < 0) {
        throw new IOException(file + " is truncated: it ends at byte " + (position + buffer.position())
            + ", expected " + (position + length));
      }
    }
    return buffer.flip();
  }

  private static Map<String, String> metadata(Path file, JsonNode node) throws IOException {
    if (!node.isObject()) {
      throw new IOException(file + ": safetensors " + METADATA_KEY + " is not a JSON object");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!e.getValue().isTextual()) {
        throw new IOException(file + ": safetensors metadata value of \"" + e.getKey()
            + "\" is not a string");
      }
      out.put(e.getKey(), e.getValue().textValue());
    }
    return out;
  }

  private static TensorEntry entry(Path file, String name, JsonNode node) throws IOException {
    String where = file + ": tensor \"" + name + "\"";
    if (!node.isObject()) {
      throw new IOException(where + " is not described by a JSON object");
    }
    JsonNode dtype = node.get("dtype");
    if (dtype == null || !dtype.isTextual()) {
      throw new IOException(where + " has no dtype string");
    }
    StorageType storage = StorageType.ofDtype(dtype.textValue()).orElseThrow(() -> new IOException(
        where + " has dtype " + dtype.textValue() + "; sora4j reads F32 and F16 only"));
    long[] dims = longs(where, node.get("shape"), "shape", -1);
    long[] offsets = longs(where, node.get("data_offsets"), "data_offsets", 2);
    if (offsets[0] > offsets[1]) {
      throw new IOException(where + " has data_offsets [" + offsets[0] + ", " + offsets[1]
          + "] that run backwards");
    }
    long expectedBytes;
    try {
      long elements = 1;
      for (long d : dims) {
        elements = Math.multiplyExact(elements, d);
      }
      expectedBytes = Math.multiplyExact(elements, (long) storage.bytesPerValue());
    } catch (ArithmeticException e) {
      throw new IOException(where + " has a shape too large to address");
    }
    if (offsets[1] - offsets[0] != expectedBytes) {
      throw new IOException(where + " of shape " + new Shape(dims) + " and dtype " + storage.dtype()
          + " needs " + expectedBytes + " bytes but its data_offsets span "
          + (offsets[1] - offsets[0]));
    }
    return new TensorEntry(name, storage, new Shape(dims), offsets[0], offsets[1]);
  }

  private static long[] longs(String where, JsonNode node, String field, int length)
      throws IOException {
    if (node == null || !node.isArray() || (length >= 0 && node.size() != length)) {
      throw new IOException(where + " has no valid " + field
          + (length >= 0 ? " (an array of " + length + " integers)" : " (an array of integers)"));
    }
    long[] out = new long[node.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode v = node.get(i);
      if (!v.canConvertToLong() || !v.isIntegralNumber() || v.longValue() < 0) {
        throw new IOException(where + " has a " + field + " entry that is not a non-negative integer: " + v);
      }
      out[i] = v.longValue();
    }
    return out;
  }

  /** The tensors must cover the data section exactly, as the Python reader also demands. */
  private static void checkTiling(Path file, List<TensorEntry> tensors, long dataLength)
      throws IOException {
    for (TensorEntry t : tensors) {
      if (t.end() > dataLength) {
        throw new IOException(file + " is truncated: tensor \"" + t.name() + "\" ends at data byte "
            + t.end() + " but the data section holds only " + dataLength + " bytes");
      }
    }
    List<TensorEntry> sorted = new ArrayList<>(tensors);
    sorted.sort(Comparator.comparingLong(TensorEntry::begin).thenComparingLong(TensorEntry::end));
    long expected = 0;
    for (TensorEntry t : sorted) {
      if (t.begin() != expected) {
        throw new IOException(file + ": tensor \"" + t.name() + "\" starts at data byte " + t.begin()
            + ", expected " + expected + " (tensors must tile the data without gaps or overlaps)");
      }
      expected = t.end();
    }
    if (expected != dataLength) {
      throw new IOException(file + " has " + (dataLength - expected)
          + " bytes after the last tensor's data");
    }
  }
}
