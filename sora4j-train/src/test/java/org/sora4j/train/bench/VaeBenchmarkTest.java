package org.sora4j.train.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sora4j.core.vae.VaeConfig;
import org.sora4j.core.vae.VideoVae;

class VaeBenchmarkTest {
  @Test
  void measuresEveryChunkedCaseBeforeTheWholeOnes() throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      VideoVae vae = new VideoVae(VaeConfig.tiny());
      vae.initialize(manager);
      List<VaeBenchmark.Row> rows = VaeBenchmark.run(vae, 16, 16, 8, List.of(0.5, 2.0), 1);
      assertThat(rows).extracting(VaeBenchmark.Row::mode).containsExactly("chunked", "chunked", "whole");
      assertThat(rows).extracting(VaeBenchmark.Row::frames).containsExactly(4, 16, 4);
      assertThat(rows).allSatisfy(row -> {
        assertThat(row.framesPerSecond()).isPositive();
        assertThat(row.peakBytes()).isGreaterThanOrEqualTo(row.baselineBytes());
      });
    }
  }
}
