package org.sora4j.world.judge;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * Environment, time of day and lighting from how well each look explains the background: the
 * asked value must explain it well in absolute terms and clearly better than every other value.
 */
final class SettingScorer {
  /** Background error (8-bit levels) a faithful render stays under. */
  private static final double GOOD = 6;
  private static final double SCALE = 8;
  /** How sharply a better alternative takes the score away. */
  private static final double MARGIN = 1;

  private SettingScorer() {}

  static Verdict score(String what, Object asked, java.util.function.Function<Look, Object> attribute, Observation o) {
    LookFit fit = o.fit();
    Predicate<Look> is = l -> attribute.apply(l) == asked;
    // noise adds its mean length (1.6 sigma for three channels) to every distance; beyond a
    // little grain it is no longer a picture of the world and earns no allowance
    double floor = 1.6 * Math.min(o.noise(), Judge.MAX_GRAIN);
    double mine = Math.max(0, fit.bestCost(is) - floor);
    double other = Math.max(0, fit.bestCost(is.negate()) - floor);
    // noisier videos explain every look less well, so the margin grows with the error
    double share = 1 / (1 + Math.exp((mine - other) / (MARGIN + 0.15 * mine)));
    double absolute = Fits.decay(mine, GOOD, SCALE);
    Look seen = fit.best();
    Object seenValue = attribute.apply(seen);
    String note = String.format(Locale.ROOT, "%s: %s explains the background to %.1f levels", what,
        ((org.sora4j.world.scene.Word) asked).word(), mine)
        + (seenValue != asked ? String.format(Locale.ROOT, "; it looks like %s (%.1f)", ((org.sora4j.world.scene.Word) seenValue).word(), other) : "");
    return Verdict.of(share * absolute, note);
  }
}
