package org.sora4j.world.scene;

import java.util.List;

/** Playback speed: how much simulated time passes per second of video. */
public enum Speed implements Word {
  NORMAL(1.0, "normal speed", "real time", "realtime", "real-time", "normal pace"),
  SLOW_MOTION(0.4, "slow motion", "slow-motion", "slowmo", "slow-mo", "slo-mo", "slowly", "slow"),
  TIME_LAPSE(2.5, "time-lapse", "time lapse", "timelapse", "fast motion", "fast-forward", "sped up", "quickly", "fast");

  private final double timeScale;
  private final List<String> synonyms;

  Speed(double timeScale, String... synonyms) {
    this.timeScale = timeScale;
    this.synonyms = List.of(synonyms);
  }

  /** Simulated seconds per second of video. */
  public double timeScale() {
    return timeScale;
  }

  @Override
  public String word() {
    return synonyms.get(0);
  }

  @Override
  public List<String> synonyms() {
    return synonyms;
  }
}
