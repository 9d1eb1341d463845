package org.sora4j.train.dit;

/**
 * How many clips make one training step. A fixed count gives every bucket the same batch; a token
 * budget fills each step with as many clips of its bucket as fit, so a step of images carries
 * many of them and a step of long clips few, at about the same cost.
 */
public sealed interface BatchSize {
  /** Clips in a step whose bucket's clips have {@code tokensPerClip} transformer tokens each. */
  int clipsFor(int tokensPerClip);

  /** The same number of clips from every bucket. */
  record Clips(int count) implements BatchSize {
    public Clips {
      if (count < 1) {
        throw new IllegalArgumentException("--batch must be at least 1, got " + count);
      }
    }

    @Override
    public int clipsFor(int tokensPerClip) {
      return count;
    }
  }

  /** As many clips as fit in {@code budget} transformer tokens, and at least one. */
  record Tokens(int budget) implements BatchSize {
    public Tokens {
      if (budget < 1) {
        throw new IllegalArgumentException("--batch-tokens must be at least 1, got " + budget);
      }
    }

    @Override
    public int clipsFor(int tokensPerClip) {
      return Math.max(1, budget / tokensPerClip);
    }
  }
}
