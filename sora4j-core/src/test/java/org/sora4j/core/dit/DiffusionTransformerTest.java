package org.sora4j.core.dit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.core.checkpoint.ModelFolder;
import org.sora4j.core.checkpoint.StorageType;

class DiffusionTransformerTest {
  private static NDManager manager;

  @BeforeAll
  static void start() {
    manager = NDManager.newBaseManager();
    Engine.getInstance().setRandomSeed(1);
  }

  @AfterAll
  static void stop() {
    manager.close();
  }

  @Test
  void patchifyAndUnpatchifyAreInverse() {
    SpacetimePatcher patcher = new SpacetimePatcher(1, 2, 2);
    NDArray latent = manager.randomNormal(new Shape(2, 3, 5, 4, 6));
    TokenGrid grid = patcher.grid(latent.getShape());
    NDArray tokens = patcher.patchify(latent);
    assertThat(grid).isEqualTo(new TokenGrid(5, 2, 3));
    assertThat(tokens.getShape()).isEqualTo(new Shape(2, 30, 12));
    assertThat(patcher.unpatchify(tokens, grid).contentEquals(latent)).isTrue();
    // token 1 is frame 0, row 0, column 1: latent columns 2..3 of rows 0..1
    NDArray expected = latent.get("0, :, 0, 0:2, 2:4").flatten();
    assertThat(tokens.get("0, 1").contentEquals(expected)).isTrue();
  }

  @Test
  void patchesMustDivideTheLatent() {
    SpacetimePatcher patcher = new SpacetimePatcher(1, 2, 2);
    assertThatThrownBy(() -> patcher.grid(new Shape(1, 4, 3, 5, 4)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not divide");
  }

  @Test
  void ropeAttentionScoresDependOnRelativePositionOnly() {
    Rope3d rope = new Rope3d(16, 100);
    TokenGrid grid = new TokenGrid(4, 5, 6);
    Rope3d.Angles angles = rope.angles(manager, grid);
    NDArray q = manager.randomNormal(new Shape(1, 1, 1, 16)).repeat(2, grid.tokens());
    NDArray k = manager.randomNormal(new Shape(1, 1, 1, 16)).repeat(2, grid.tokens());
    NDArray scores = angles.rotate(q).matMul(angles.rotate(k).transpose(0, 1, 3, 2)).get("0, 0");
    // (t,h,w) pairs with the same offset (1, 2, -1): (0,0,3)->(1,2,2) and (2,1,4)->(3,3,3)
    float a = scores.getFloat(index(grid, 0, 0, 3), index(grid, 1, 2, 2));
    float b = scores.getFloat(index(grid, 2, 1, 4), index(grid, 3, 3, 3));
    float other = scores.getFloat(index(grid, 2, 1, 4), index(grid, 3, 0, 3));
    assertThat(a).isCloseTo(b, org.assertj.core.data.Offset.offset(1e-4f));
    assertThat(Math.abs(a - other)).isGreaterThan(1e-3f);
    // rotation keeps lengths
    assertThat(angles.rotate(q).norm().getFloat()).isCloseTo(q.norm().getFloat(), org.assertj.core.data.Offset.offset(1e-3f));
  }

  private static long index(TokenGrid g, int t, int h, int w) {
    return ((long) t * g.rows() + h) * g.columns() + w;
  }

  @Test
  void adaLnZeroBlocksStartAsIdentityAndTheModelOutputsZero() {
    DitConfig config = DitConfig.tiny(4, 8);
    DitBlock block = new DitBlock(config);
    block.initialize(manager);
    TokenGrid grid = new TokenGrid(3, 2, 2);
    NDArray x = manager.randomNormal(new Shape(2, 12, config.width()));
    NDArray c = manager.randomNormal(new Shape(2, 3, config.width()));
    NDArray text = manager.randomNormal(new Shape(2, 5, 8));
    NDArray mask = manager.ones(new Shape(2, 5));
    Rope3d.Angles angles = new Rope3d(config.headDim(), 100).angles(manager, grid);
    assertThat(block.forward(x, c, grid, angles, text, mask).contentEquals(x)).isTrue();

    DiffusionTransformer dit = new DiffusionTransformer(config);
    dit.initialize(manager);
    NDArray v = dit.forward(manager.randomNormal(new Shape(2, 4, 3, 4, 4)), manager.randomUniform(0f, 1f, new Shape(2, 3)), text, mask);
    assertThat(v.getShape()).isEqualTo(new Shape(2, 4, 3, 4, 4));
    assertThat(v.abs().max().getFloat()).isZero();
  }

  @Test
  void oneModelRunsAtAnySizeAndDuration() {
    DitConfig config = new DitConfig(4, 1, 1, 1, 16, 1, 2, 2.0, 8, true, 100, false);
    DiffusionTransformer dit = new DiffusionTransformer(config);
    dit.initialize(manager);
    for (Shape shape : new Shape[] {new Shape(1, 4, 1, 2, 3), new Shape(1, 4, 5, 4, 4), new Shape(1, 4, 2, 6, 2)}) {
      NDArray v = dit.forward(manager.randomNormal(shape), manager.randomUniform(0f, 1f, new Shape(1, shape.get(2))),
          manager.randomNormal(new Shape(1, 3, 8)), manager.ones(new Shape(1, 3)));
      assertThat(v.getShape()).isEqualTo(shape);
    }
  }

  @Test
  void aDeeperModelStartsFromATrainedOneAndComputesTheSame(@TempDir Path dir) throws IOException {
    DitConfig config = DitConfig.tiny(4, 8);
    DiffusionTransformer trained = new DiffusionTransformer(config);
    trained.initialize(manager);
    // a trained model's gates and output layer are not zero: give every weight a value
    for (Parameter p : trained.getParameters().values()) {
      p.getArray().set(manager.randomNormal(0, 0.2f, p.getArray().getShape(), p.getArray().getDataType())
          .toFloatArray());
    }
    ModelFolder.save(dir, config, trained, StorageType.F32);
    DiffusionTransformer deeper = new DiffusionTransformer(config.withDepth(config.depth() + 1));
    deeper.initialize(manager);

    List<String> fresh = ModelFolder.loadMatching(dir, deeper);

    // only the added block is new; the output layer, registered after it, loads by its name
    assertThat(fresh).isNotEmpty().allMatch(name -> name.contains("block2_"));
    Shape shape = new Shape(1, 4, 2, 4, 4);
    NDArray latent = manager.randomNormal(shape);
    NDArray time = manager.create(new float[] {0.3f, 0.7f}).reshape(1, 2);
    NDArray text = manager.randomNormal(new Shape(1, 3, 8));
    NDArray mask = manager.ones(new Shape(1, 3));
    NDArray before = trained.forward(latent, time, text, mask);
    assertThat(before.abs().max().getFloat()).isGreaterThan(0.01f);
    assertThat(deeper.forward(latent, time, text, mask).sub(before).abs().max().getFloat()).isLessThan(1e-5f);
  }
}
