package org.sora4j.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {
  private static NDManager manager;

  @TempDir Path dir;

  @BeforeAll
  static void setUp() {
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void tearDown() {
    manager.close();
  }

  @Test
  void layoutIsWhatThePythonReaderExpects() throws IOException {
    Map<String, NDArray> tensors = new LinkedHashMap<>();
    tensors.put("a", manager.create(new float[] {1f, -2f}, new Shape(2)));
    tensors.put("b.w", manager.create(new float[] {0.5f, 3f, 4f, 5f, 6f, 7f}, new Shape(2, 3)));
    Path file = dir.resolve("t.safetensors");
    SafeTensors.write(file, tensors, Map.of("format", "pt"), StorageType.F32);

    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long n = buf.getLong();
    String json = "{\"__metadata__\":{\"format\":\"pt\"},"
        + "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
        + "\"b.w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[8,32]}}";
    assertThat(n % 8).isZero();
    assertThat(n).isEqualTo((json.length() + 7) / 8 * 8);
    String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
    assertThat(header.strip()).isEqualTo(json);
    assertThat(header.substring(json.length())).matches(" *");
    assertThat(bytes.length).isEqualTo(8 + n + 32);
    buf.position((int) (8 + n));
    float[] data = new float[8];
    buf.asFloatBuffer().get(data);
    assertThat(data).containsExactly(1f, -2f, 0.5f, 3f, 4f, 5f, 6f, 7f);
    // raw little-endian IEEE bits, as numpy's "<f4" reads them
    assertThat(Arrays.copyOfRange(bytes, (int) (8 + n), (int) (8 + n + 4)))
        .containsExactly(0x00, 0x00, (byte) 0x80, 0x3f);
  }

  @Test
  void roundTripsF32ExactlyAndF16Rounded() throws IOException {
    float[] values = {0f, -0f, 1f, 1.0001f, -3.14159f, 65504f, 1e-6f, 123.456f};
    Map<String, NDArray> tensors = Map.of(
        "x", manager.create(values, new Shape(2, 2, 2)),
        "scalar", manager.create(new float[] {7.5f}, new Shape()));
    Path f32 = dir.resolve("f32.safetensors");
    Path f16 = dir.resolve("f16.safetensors");
    SafeTensors.write(f32, tensors, Map.of(), StorageType.F32);
    SafeTensors.write(f16, tensors, Map.of("note", "half"), StorageType.F16);

    Map<String, NDArray> exact = SafeTensors.read(f32, manager);
    assertThat(exact.get("x").getShape()).isEqualTo(new Shape(2, 2, 2));
    assertThat(exact.get("x").getDataType()).isEqualTo(DataType.FLOAT32);
    assertThat(exact.get("x").toFloatArray()).containsExactly(values);
    assertThat(exact.get("scalar").getShape()).isEqualTo(new Shape());
    assertThat(exact.get("scalar").getFloat()).isEqualTo(7.5f);

    Map<String, NDArray> half = SafeTensors.read(f16, manager);
    float[] read = half.get("x").toFloatArray();
    for (int i = 0; i < values.length; i++) {
      assertThat(read[i]).isEqualTo(Float16.toFloat(Float16.fromFloat(values[i])));
    }
    assertThat(read[3]).isNotEqualTo(values[3]); // really stored as half
    assertThat(Files.size(f16) - 8 - headerLength(f16)).isEqualTo(9 * 2);
    assertThat(SafeTensors.metadata(f16)).containsExactly(Map.entry("note", "half"));
    assertThat(SafeTensors.metadata(f32)).isEmpty();
    assertThat(SafeTensors.shapes(f16)).containsEntry("x", new Shape(2, 2, 2));
  }

  @Test
  void emptyFileAndOtherFloatTypes() throws IOException {
    Path empty = dir.resolve("empty.safetensors");
    SafeTensors.write(empty, Map.of(), Map.of(), StorageType.F32);
    assertThat(Files.size(empty)).isEqualTo(16);
    assertThat(SafeTensors.read(empty, manager)).isEmpty();

    Path doubles = dir.resolve("d.safetensors");
    SafeTensors.write(doubles, Map.of("d", manager.create(new double[] {0.25, 2})), Map.of(), StorageType.F32);
    assertThat(SafeTensors.read(doubles, manager).get("d").toFloatArray()).containsExactly(0.25f, 2f);
  }

  @Test
  void rejectsWhatItCannotStore() throws IOException {
    Path file = dir.resolve("bad.safetensors");
    NDArray ints = manager.create(new int[] {1, 2});
    assertThatThrownBy(() -> SafeTensors.write(file, Map.of("i", ints), Map.of(), StorageType.F32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tensor \"i\" has dtype int32");
    NDArray big = manager.create(new float[] {1f, 70000f});
    assertThatThrownBy(() -> SafeTensors.write(file, Map.of("big", big), Map.of(), StorageType.F16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tensor \"big\" holds 70000.0, outside the F16 range");
    assertThat(file).doesNotExist();
    assertThat(listing()).isEmpty(); // no temporary file left behind
  }

  @Test
  void rejectsTruncatedFiles() throws IOException {
    Path file = write("t.safetensors");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));
    assertThatThrownBy(() -> SafeTensors.read(file, manager))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("is truncated: tensor \"w\" ends at data byte 24 but the data section holds only 21 bytes");
    Files.write(file, Arrays.copyOf(bytes, 40));
    assertThatThrownBy(() -> SafeTensors.read(file, manager))
        .isInstanceOf(IOException.class).hasMessageContaining("is truncated: header length");
    Files.write(file, Arrays.copyOf(bytes, 5));
    assertThatThrownBy(() -> SafeTensors.read(file, manager))
        .isInstanceOf(IOException.class).hasMessageContaining("fewer than the 8-byte header length");
  }

  @Test
  void rejectsMalformedHeaders() throws IOException {
    Path file = dir.resolve("h.safetensors");
    assertRejected(file, "{\"w\": {\"dtype\": \"F32\", ", 0, "header is not valid JSON");
    assertRejected(file, "[1, 2]", 0, "header is not a JSON object");
    assertRejected(file, "{\"w\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[0,2]}}", 2,
        "tensor \"w\" has dtype BF16; sora4j reads F32 and F16 only");
    assertRejected(file, "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4,
        "tensor \"w\" of shape (2) and dtype F32 needs 8 bytes but its data_offsets span 4");
    assertRejected(file, "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]}}", 16,
        "tensor \"w\" starts at data byte 8, expected 0");
    assertRejected(file, "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 8,
        "has 4 bytes after the last tensor's data");
    assertRejected(file, "{\"w\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4,
        "shape entry that is not a non-negative integer");
    assertRejected(file, "{\"w\":{\"dtype\":\"F32\",\"shape\":[1]}}", 4, "has no valid data_offsets");
    assertRejected(file, "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
        + "\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4, "Duplicate field 'w'");
    assertRejected(file, "{\"__metadata__\":{\"n\":1}}", 0, "metadata value of \"n\" is not a string");

    ByteBuffer huge = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.MAX_VALUE);
    Files.write(file, huge.array());
    assertThatThrownBy(() -> SafeTensors.read(file, manager))
        .isInstanceOf(IOException.class).hasMessageContaining("is not a safetensors file: header length");
    assertThatThrownBy(() -> SafeTensors.read(dir.resolve("nope.safetensors"), manager))
        .isInstanceOf(IOException.class).hasMessageContaining("nope.safetensors does not exist");
  }

  @Test
  void overwritesAtomicallyWithoutLeftovers() throws IOException {
    Path file = write("t.safetensors");
    SafeTensors.write(file, Map.of("v", manager.create(new float[] {9f})), Map.of(), StorageType.F32);
    assertThat(SafeTensors.read(file, manager)).containsOnlyKeys("v");
    assertThat(listing()).containsExactly("t.safetensors");
  }

  private Path write(String name) throws IOException {
    Path file = dir.resolve(name);
    SafeTensors.write(file, Map.of("w", manager.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(3, 2))),
        Map.of(), StorageType.F32);
    return file;
  }

  private void assertRejected(Path file, String header, int dataBytes, String message) throws IOException {
    byte[] json = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    buf.putLong(json.length).put(json);
    Files.write(file, buf.array());
    assertThatThrownBy(() -> SafeTensors.read(file, manager))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining(message);
  }

  private static long headerLength(Path file) throws IOException {
    byte[] head = Arrays.copyOf(Files.readAllBytes(file), 8);
    return ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }

  private List<String> listing() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
