package org.sora4j.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.core.vae.VaeConfig;
import org.sora4j.core.vae.VideoVae;

class ModelFolderTest {
  /** A stand-in for a model's config record. */
  record TinyConfig(int hidden, String name) {}

  private static NDManager manager;

  @TempDir Path dir;

  @BeforeAll
  static void setUp() {
    manager = NDManager.newBaseManager();
    Engine.getInstance().setRandomSeed(11);
  }

  @AfterAll
  static void tearDown() {
    manager.close();
  }

  @Test
  void roundTripsF32Exactly() throws IOException {
    Block saved = mlp(8);
    ModelFolder.save(dir, new TinyConfig(8, "mlp"), saved, StorageType.F32);
    assertThat(ModelFolder.loadConfig(dir, TinyConfig.class)).isEqualTo(new TinyConfig(8, "mlp"));

    Block loaded = mlp(8);
    assertThat(java.util.Arrays.equals(values(loaded), values(saved))).isFalse(); // fresh random weights
    List<NDArray> before = arrays(loaded);
    ModelFolder.loadInto(dir, loaded);
    assertThat(values(loaded)).containsExactly(values(saved));
    // copied in place: the arrays the model (and an optimizer) already hold see the weights
    assertThat(arrays(loaded)).containsExactlyElementsOf(before);
    assertThat(loaded.getParameters().valueAt(0).getArray().hasGradient()).isTrue();
    assertThat(listing()).containsExactly("config.json", "model.safetensors", "model.safetensors.sha256");
    assertThat(Files.readString(dir.resolve(ModelFolder.CHECKSUM)))
        .matches("[0-9a-f]{64}  model\\.safetensors\\n");
    assertThat(SafeTensors.metadata(dir.resolve(ModelFolder.WEIGHTS))).containsEntry("format", "pt");
  }

  @Test
  void roundTripsF16WithinHalfPrecision() throws IOException {
    Block saved = mlp(8);
    ModelFolder.save(dir, new TinyConfig(8, "mlp"), saved, StorageType.F16);
    Block loaded = mlp(8);
    ModelFolder.loadInto(dir, loaded);
    float[] a = values(saved);
    float[] b = values(loaded);
    for (int i = 0; i < a.length; i++) {
      assertThat(b[i]).isEqualTo(Float16.toFloat(Float16.fromFloat(a[i])));
    }
    long f32Params = 4 * 8 + 8 + 8 * 2 + 2;
    assertThat(Files.size(dir.resolve(ModelFolder.WEIGHTS))).isLessThan(8 + 1000 + f32Params * 2 + 1);
  }

  @Test
  void savesAndLoadsARealVae() throws IOException {
    VideoVae saved = new VideoVae(VaeConfig.tiny());
    saved.initialize(manager);
    List<String> names = new ArrayList<>();
    for (Pair<String, Parameter> p : saved.getParameters()) {
      names.add(p.getKey());
    }
    assertThat(new HashSet<>(names)).hasSameSizeAs(names);
    ModelFolder.save(dir, VaeConfig.tiny(), saved, StorageType.F32);
    assertThat(SafeTensors.shapes(dir.resolve(ModelFolder.WEIGHTS)).keySet()).containsExactlyElementsOf(names);

    VideoVae loaded = new VideoVae(ModelFolder.loadConfig(dir, VaeConfig.class));
    loaded.initialize(manager);
    ModelFolder.loadInto(dir, loaded);
    try (NDManager m = manager.newSubManager()) {
      NDArray x = m.randomUniform(-1, 1, new Shape(1, 3, 5, 16, 16));
      NDArray a = saved.decode(saved.encode(x).mean());
      NDArray b = loaded.decode(loaded.encode(x).mean());
      assertThat(a.sub(b).abs().max().getFloat()).isZero();
    }
  }

  @Test
  void aConfigOfAnotherKindOfModelIsNamedAsSuch() throws IOException {
    ModelFolder.save(dir, new TinyConfig(8, "mlp"), mlp(8), StorageType.F32);
    assertThatThrownBy(() -> ModelFolder.loadConfig(dir, VaeConfig.class))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is not a valid VaeConfig")
        .hasMessageContaining("latentChannels")
        .hasMessageContaining("another kind of model")
        .hasMessageNotContaining("Cannot invoke");
  }

  @Test
  void rejectsACorruptFile() throws IOException {
    ModelFolder.save(dir, new TinyConfig(8, "mlp"), mlp(8), StorageType.F32);
    Path weights = dir.resolve(ModelFolder.WEIGHTS);
    byte[] bytes = Files.readAllBytes(weights);
    bytes[bytes.length - 5] ^= 0x10;
    Files.write(weights, bytes);
    assertThatThrownBy(() -> ModelFolder.loadInto(dir, mlp(8)))
        .isInstanceOf(IOException.class)
        .hasMessageMatching("model\\.safetensors in .* is corrupt: sha256 [0-9a-f]{64}, expected [0-9a-f]{64}");
  }

  @Test
  void rejectsATruncatedFile() throws IOException {
    ModelFolder.save(dir, new TinyConfig(8, "mlp"), mlp(8), StorageType.F32);
    Path weights = dir.resolve(ModelFolder.WEIGHTS);
    byte[] bytes = Files.readAllBytes(weights);
    Files.write(weights, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    // even with a matching checksum the truncation itself is named
    Files.writeString(dir.resolve(ModelFolder.CHECKSUM), SafeTensors.sha256(weights) + "  model.safetensors\n");
    assertThatThrownBy(() -> ModelFolder.loadInto(dir, mlp(8)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is truncated");
  }

  @Test
  void namesEveryWrongShape() throws IOException {
    ModelFolder.save(dir, new TinyConfig(8, "mlp"), mlp(8), StorageType.F32);
    assertThatThrownBy(() -> ModelFolder.loadInto(dir, mlp(6)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not fit the model")
        .hasMessageContaining("parameter \"01Linear_weight\" has shape (8, 4) but the model expects (6, 4)")
        .hasMessageContaining("parameter \"01Linear_bias\" has shape (8) but the model expects (6)")
        .hasMessageContaining("parameter \"02Linear_weight\" has shape (2, 8) but the model expects (2, 6)");
  }

  @Test
  void loadsWhatMatchesAndLeavesTheRestAsInitialized() throws IOException {
    Block saved = mlp(8);
    ModelFolder.save(dir, new TinyConfig(8, "mlp"), saved, StorageType.F32);
    SequentialBlock wider = new SequentialBlock()
        .add(Linear.builder().setUnits(8).build())
        .add(Linear.builder().setUnits(3).build());
    wider.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
    float[] freshOutput = wider.getParameters().get("02Linear_weight").getArray().toFloatArray();

    assertThat(ModelFolder.loadMatching(dir, wider)).containsExactly("02Linear_bias", "02Linear_weight");
    for (String name : List.of("01Linear_weight", "01Linear_bias")) {
      assertThat(wider.getParameters().get(name).getArray().toFloatArray())
          .containsExactly(saved.getParameters().get(name).getArray().toFloatArray());
    }
    assertThat(wider.getParameters().get("02Linear_weight").getArray().toFloatArray()).containsExactly(freshOutput);
    assertThat(ModelFolder.loadMatching(dir, mlp(8))).isEmpty();

    SequentialBlock unrelated = new SequentialBlock().add(Linear.builder().setUnits(5).build());
    unrelated.initialize(manager, DataType.FLOAT32, new Shape(1, 7));
    assertThatThrownBy(() -> ModelFolder.loadMatching(dir, unrelated))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another kind of model");
  }

  @Test
  void namesMissingAndUnexpectedParameters() throws IOException {
    ModelFolder.save(dir, new TinyConfig(8, "mlp"), mlp(8), StorageType.F32);
    SequentialBlock deeper = new SequentialBlock()
        .add(Linear.builder().setUnits(8).build())
        .add(Linear.builder().setUnits(2).build())
        .add(Linear.builder().setUnits(3).build());
    deeper.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
    assertThatThrownBy(() -> ModelFolder.loadInto(dir, deeper))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing parameters [03Linear_bias, 03Linear_weight]");
    SequentialBlock shallower = new SequentialBlock().add(Linear.builder().setUnits(8).build());
    shallower.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
    assertThatThrownBy(() -> ModelFolder.loadInto(dir, shallower))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unexpected parameters [02Linear_bias, 02Linear_weight]");
  }

  @Test
  void aFailedSaveLeavesTheOldModelAndNoTemporaryFiles() throws IOException {
    Block first = mlp(8);
    ModelFolder.save(dir, new TinyConfig(8, "first"), first, StorageType.F32);
    Block huge = mlp(8);
    huge.getParameters().valueAt(0).getArray().set(new ai.djl.ndarray.index.NDIndex("0, 0"), 1e6f);
    assertThatThrownBy(() -> ModelFolder.save(dir, new TinyConfig(8, "second"), huge, StorageType.F16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside the F16 range");
    assertThat(listing()).containsExactly("config.json", "model.safetensors", "model.safetensors.sha256");
    assertThat(ModelFolder.loadConfig(dir, TinyConfig.class).name()).isEqualTo("first");
    Block check = mlp(8);
    ModelFolder.loadInto(dir, check);
    assertThat(values(check)).containsExactly(values(first));
  }

  @Test
  void clearErrorsForMissingFilesAndBadInput() throws IOException {
    Path nowhere = dir.resolve("none");
    assertThatThrownBy(() -> ModelFolder.loadConfig(nowhere, TinyConfig.class))
        .isInstanceOf(IOException.class).hasMessageContaining("is not a model folder: it has no config.json");
    assertThatThrownBy(() -> ModelFolder.loadInto(nowhere, mlp(8)))
        .isInstanceOf(IOException.class).hasMessageContaining("it has no model.safetensors");
    SequentialBlock uninitialized = new SequentialBlock().add(Linear.builder().setUnits(2).build());
    assertThatThrownBy(() -> ModelFolder.save(dir, new TinyConfig(2, "x"), uninitialized, StorageType.F32))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the block is not initialized");
    assertThatThrownBy(() -> ModelFolder.save(dir, new Object(), mlp(8), StorageType.F32))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be written as JSON");
    ModelFolder.save(dir, new TinyConfig(8, "mlp"), mlp(8), StorageType.F32);
    Files.writeString(dir.resolve(ModelFolder.CONFIG), "{\"hidden\": \"eight\"}");
    assertThatThrownBy(() -> ModelFolder.loadConfig(dir, TinyConfig.class))
        .isInstanceOf(IOException.class).hasMessageContaining("config.json is not a valid TinyConfig");
    Files.delete(dir.resolve(ModelFolder.CHECKSUM));
    assertThatThrownBy(() -> ModelFolder.loadInto(dir, mlp(8)))
        .isInstanceOf(IOException.class).hasMessageContaining("has no model.safetensors.sha256");
  }

  private static Block mlp(int hidden) {
    SequentialBlock block = new SequentialBlock()
        .add(Linear.builder().setUnits(hidden).build())
        .add(Linear.builder().setUnits(2).build());
    block.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
    return block;
  }

  private static List<NDArray> arrays(Block block) {
    List<NDArray> out = new ArrayList<>();
    block.getParameters().values().forEach(p -> out.add(p.getArray()));
    return out;
  }

  /** Every parameter value of the block, in parameter order. */
  private static float[] values(Block block) {
    List<float[]> parts = arrays(block).stream().map(NDArray::toFloatArray).toList();
    float[] out = new float[parts.stream().mapToInt(a -> a.length).sum()];
    int at = 0;
    for (float[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    return out;
  }

  private List<String> listing() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
