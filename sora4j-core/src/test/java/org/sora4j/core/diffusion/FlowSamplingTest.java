package org.sora4j.core.diffusion;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sora4j.core.dit.DiffusionTransformer;
import org.sora4j.core.dit.DitConfig;
import org.sora4j.core.optim.AdamW;

class FlowSamplingTest {
  private static NDManager manager;

  @BeforeAll
  static void start() {
    manager = NDManager.newBaseManager();
    Engine.getInstance().setRandomSeed(3);
  }

  @AfterAll
  static void stop() {
    manager.close();
  }

  @Test
  void scheduleRunsFromNoiseToDataAndShiftsTowardsNoise() {
    double[] plain = FlowSchedule.times(4, 1.0);
    double[] shifted = FlowSchedule.times(4, 3.0);
    assertThat(plain).containsExactly(1.0, 0.75, 0.5, 0.25, 0.0);
    assertThat(shifted[0]).isEqualTo(1.0);
    assertThat(shifted[4]).isEqualTo(0.0);
    assertThat(shifted[2]).isGreaterThan(0.5);
    assertThat(RectifiedFlow.shiftFor(64)).isEqualTo(1.0);
    assertThat(RectifiedFlow.shiftFor(320)).isGreaterThan(RectifiedFlow.shiftFor(80));
  }

  @Test
  void eulerAndHeunIntegrateAStraightFlowExactly() {
    // for a single data point x0 the true velocity is (x - x0) / t: both samplers land on x0
    NDArray x0 = manager.randomNormal(new Shape(1, 2, 3, 2, 2));
    VelocityModel exact = (x, time) -> x.sub(x0).div(RectifiedFlow.perFrame(time));
    for (FlowSampler sampler : new FlowSampler[] {new EulerSampler(), new HeunSampler()}) {
      NDArray noise = manager.randomNormal(x0.getShape());
      NDArray out = sampler.sample(exact, noise, FlowSchedule.times(5, 2.0), CleanFrames.none(3), i -> {});
      assertThat(out.allClose(x0, 1e-4, 1e-4, false)).as(sampler.toString()).isTrue();
    }
  }

  @Test
  void theAncestralSamplerRenoisesToTheFlowsNoiseLevelAndLandsOnTheData() {
    // one data point c: the exact velocity is (x - c) / t, and x_t = (1 - t) c + t noise
    NDArray c = manager.full(new Shape(1, 1, 1, 64, 64), 0.5f);
    VelocityModel exact = (x, time) -> x.sub(c).div(RectifiedFlow.perFrame(time));
    AncestralSampler sampler = new AncestralSampler(1.0, 11);
    NDArray start = SeededNoise.gaussian(manager, c.getShape(), 1);
    NDArray half = sampler.step(exact, start, 1.0, 0.5, CleanFrames.none(1));
    NDArray spread = half.sub(c.mul(0.5f));
    assertThat(spread.mean().getFloat()).isCloseTo(0f, org.assertj.core.data.Offset.offset(0.03f));
    assertThat(spread.square().mean().sqrt().getFloat()).isCloseTo(0.5f, org.assertj.core.data.Offset.offset(0.02f));
    // part of the noise is fresh: not the deterministic Euler step's
    NDArray euler = new EulerSampler().step(exact, start, 1.0, 0.5, CleanFrames.none(1));
    assertThat(half.sub(euler).abs().mean().getFloat()).isGreaterThan(0.1f);
    // seeded: the same seed steps the same, another seed otherwise; eta 0 is Euler
    assertThat(sampler.step(exact, start, 1.0, 0.5, CleanFrames.none(1)).contentEquals(half)).isTrue();
    assertThat(sampler.withSeed(12).step(exact, start, 1.0, 0.5, CleanFrames.none(1)).contentEquals(half)).isFalse();
    assertThat(new AncestralSampler(0, 11).step(exact, start, 1.0, 0.5, CleanFrames.none(1)).allClose(euler, 1e-6, 1e-6, false))
        .isTrue();
    NDArray out = sampler.sample(exact, start, FlowSchedule.times(6, 2.0), CleanFrames.none(1), i -> {});
    assertThat(out.allClose(c, 1e-4, 1e-4, false)).isTrue();
    assertThat(FlowSampler.named("euler-a")).isEqualTo(new AncestralSampler(1.0, 0));
  }

  @Test
  void fixedFramesStayCleanThroughSampling() {
    NDArray clean = manager.randomNormal(new Shape(1, 2, 4, 2, 2));
    VelocityModel noisy = (x, time) -> x.getManager().randomNormal(x.getShape());
    CleanFrames fixed = new CleanFrames(clean, new boolean[] {true, false, false, true});
    int[] steps = {0};
    NDArray out = new HeunSampler().sample(noisy, manager.randomNormal(clean.getShape()),
        FlowSchedule.times(6, 1.0), fixed, i -> steps[0] = i);
    assertThat(steps[0]).isEqualTo(6);
    assertThat(out.get(":, :, 0").contentEquals(clean.get(":, :, 0"))).isTrue();
    assertThat(out.get(":, :, 3").contentEquals(clean.get(":, :, 3"))).isTrue();
    assertThat(out.get(":, :, 1").contentEquals(clean.get(":, :, 1"))).isFalse();
    // and the model is told those frames are clean
    NDArray times = fixed.times(clean, 1, 0.7);
    assertThat(times.toFloatArray()).containsExactly(0f, 0.7f, 0.7f, 0f);
  }

  @Test
  void aTinyTransformerOverfitsOneClip() {
    DitConfig config = new DitConfig(4, 1, 1, 1, 32, 2, 2, 2.0, 8, false, 100.0, false);
    DiffusionTransformer dit = new DiffusionTransformer(config);
    dit.initialize(manager);
    NDArray x0 = manager.randomNormal(new Shape(1, 4, 2, 2, 2));
    NDArray text = manager.randomNormal(new Shape(1, 3, 8));
    NDArray mask = manager.ones(new Shape(1, 3));
    AdamW optimizer = new AdamW(manager, 0.9, 0.99, 1e-8, 0.0);
    SplittableRandom rng = new SplittableRandom(5);
    double first = 0;
    double last = 0;
    int skipped = 0;
    for (int step = 0; step < 1000; step++) {
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        float t = (float) RectifiedFlow.sampleTime(rng, 1.0);
        NDArray time = manager.full(new Shape(1, 2), t);
        NDArray noise = manager.randomNormal(x0.getShape());
        NDArray loss;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDArray v = dit.forward(RectifiedFlow.noisy(x0, noise, time), time, text, mask);
          loss = v.sub(RectifiedFlow.velocity(x0, noise)).square().mean();
          gc.backward(loss);
        }
        double gn = optimizer.update(dit.getParameters(), 2e-3, 1.0);
        if (!Double.isFinite(gn)) {
          skipped++;
        }
        if (step < 20) {
          first += loss.getFloat() / 20;
        } else if (step >= 1000 - 20) {
          last += loss.getFloat() / 20;
        }
      }
    }
    assertThat(last).as("training loss").isLessThan(first / 2);
    assertThat(skipped).as("steps skipped for non-finite gradients").isLessThan(5);
    VelocityModel model = (x, time) -> dit.forward(x, time, text, mask);
    NDArray sample = new EulerSampler().sample(model, manager.randomNormal(x0.getShape()),
        FlowSchedule.times(20, 1.0), CleanFrames.none(2), i -> {});
    double error = sample.sub(x0).square().mean().getFloat();
    // a model that learned nothing returns the noise: a squared error near 2
    assertThat(error).as("mean squared error of the sample against the clip").isLessThan(0.1);
  }
}
