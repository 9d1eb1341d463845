package org.sora4j.world.judge;

/**
 * One dimension's score in [0, 1] and what the judge saw, for people.
 *
 * @param note a short sentence; empty when there is nothing to say
 */
record Verdict(double score, String note) {
  Verdict {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1], got " + score);
    }
  }

  static Verdict of(double score, String note) {
    return new Verdict(Math.max(0, Math.min(1, Double.isNaN(score) ? 0 : score)), note);
  }
}
