package org.sora4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sora4j.server.jobs.ModelProfile;

/** Sora's model names map to the one local model, sampled harder for pro. */
class ModelProfileTest {
  @Test
  void soraNamesAndTheirSnapshotsMapToProfiles() {
    assertThat(ModelProfile.named(null).name()).isEqualTo("sora-2");
    assertThat(ModelProfile.named("sora-2-2025-12-08").name()).isEqualTo("sora-2");
    ModelProfile pro = ModelProfile.named("sora-2-pro-2025-10-06");
    assertThat(pro.name()).isEqualTo("sora-2-pro");
    assertThat(pro.steps(24)).isEqualTo(48);
    assertThat(pro.sampler()).isEqualTo("heun");
    assertThatThrownBy(() -> ModelProfile.named("sora-1")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sora-2 and sora-2-pro");
  }
}
