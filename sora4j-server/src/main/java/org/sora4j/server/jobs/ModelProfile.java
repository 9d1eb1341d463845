package org.sora4j.server.jobs;

import java.util.List;
import org.sora4j.core.diffusion.FlowSampler;

/**
 * A model name of the Videos API and how the local model runs for it: {@code sora-2} samples with
 * Euler, {@code sora-2-pro} with twice the steps and Heun (about four times the compute).
 */
public record ModelProfile(String name, int stepsFactor, String sampler) {
  public static final String DEFAULT = "sora-2";
  public static final List<ModelProfile> ALL = List.of(
      new ModelProfile("sora-2", 1, "euler"),
      new ModelProfile("sora-2-pro", 2, "heun"));

  /** The profile of a model name; null or blank is sora-2, and dated snapshots (sora-2-2025-10-06) are their model. */
  public static ModelProfile named(String name) {
    String asked = name == null || name.isBlank() ? DEFAULT : name.strip();
    String wanted = asked.replaceFirst("-\\d{4}-\\d{2}-\\d{2}$", "");
    return ALL.stream().filter(p -> p.name.equals(wanted)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("unknown model '" + asked + "'; this server serves sora-2 and sora-2-pro"));
  }

  public int steps(int baseSteps) {
    return baseSteps * stepsFactor;
  }

  public FlowSampler flowSampler() {
    return FlowSampler.named(sampler);
  }
}
