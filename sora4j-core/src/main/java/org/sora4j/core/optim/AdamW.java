package org.sora4j.core.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter) with decoupled weight decay and global gradient-norm clipping.
 * Hand-written because DJL's AdamW keeps its moments private, and exact resume needs to save them.
 */
public final class AdamW {
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final NDManager stateManager;
  private final Map<String, NDArray> firstMoment = new LinkedHashMap<>();
  private final Map<String, NDArray> secondMoment = new LinkedHashMap<>();
  private long step;

  public AdamW(NDManager manager, double beta1, double beta2, double eps, double weightDecay) {
    this.stateManager = manager.newSubManager();
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
  }

  /** Steps taken so far. */
  public long step() {
    return step;
  }

  /**
   * Applies one update to every parameter that has a gradient, after clipping the global
   * gradient norm to {@code maxGradNorm} (0 = no clipping). Call it after the gradient
   * collector is closed: PyTorch refuses in-place updates of weights while recording.
   *
   * @return the gradient norm before clipping; NaN or infinite when the step was skipped
   */
  public double update(PairList<String, Parameter> params, double lr, double maxGradNorm) {
    step++;
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      double sq = 0;
      Map<String, NDArray> grads = new LinkedHashMap<>();
      for (Pair<String, Parameter> p : params) {
        NDArray w = p.getValue().getArray();
        if (!w.hasGradient()) {
          continue;
        }
        NDArray g = w.getGradient();
        sq += g.square().sum().getFloat();
        grads.put(p.getKey(), g);
      }
      double norm = Math.sqrt(sq);
      if (!Double.isFinite(norm)) {
        // a non-finite gradient would poison the moments for good: drop this step's gradients
        step--;
        grads.values().forEach(g -> g.set(new NDIndex("..."), 0f));
        return norm;
      }
      double clip = maxGradNorm > 0 && norm > maxGradNorm ? maxGradNorm / (norm + 1e-6) : 1.0;
      double bias1 = 1 - Math.pow(beta1, step);
      double bias2 = 1 - Math.pow(beta2, step);
      for (Pair<String, Parameter> p : params) {
        NDArray g = grads.get(p.getKey());
        if (g == null) {
          continue;
        }
        NDArray w = p.getValue().getArray();
        if (clip != 1.0) {
          g = g.mul(clip);
        }
        NDArray m = moment(firstMoment, p.getKey(), w);
        NDArray v = moment(secondMoment, p.getKey(), w);
        m.muli(beta1).addi(g.mul(1 - beta1));
        v.muli(beta2).addi(g.square().muli(1 - beta2));
        NDArray update = m.div(bias1).divi(v.div(bias2).sqrt().addi(eps));
        if (weightDecay > 0 && w.getShape().dimension() > 1) {
          update.addi(w.mul(weightDecay));
        }
        w.subi(update.muli(lr));
      }
      // PyTorch adds each backward pass to .grad, and DJL's collector does not clear it
      grads.values().forEach(g -> g.subi(g));
      return norm;
    }
  }

  /** The optimizer state as named tensors, for a checkpoint. */
  public Map<String, NDArray> state() {
    Map<String, NDArray> out = new LinkedHashMap<>();
    firstMoment.forEach((k, v) -> out.put("m." + k, v));
    secondMoment.forEach((k, v) -> out.put("v." + k, v));
    return out;
  }

  /** Restores {@link #state()} and the step count from a checkpoint. */
  public void load(Map<String, NDArray> state, long steps) {
    firstMoment.values().forEach(NDArray::close);
    secondMoment.values().forEach(NDArray::close);
    firstMoment.clear();
    secondMoment.clear();
    state.forEach((k, v) -> {
      NDArray copy = v.duplicate();
      NDScope.unregister(copy);
      copy.attach(stateManager);
      if (k.startsWith("m.")) {
        firstMoment.put(k.substring(2), copy);
      } else if (k.startsWith("v.")) {
        secondMoment.put(k.substring(2), copy);
      } else {
        throw new IllegalArgumentException("unknown optimizer state entry " + k);
      }
    });
    this.step = steps;
  }

  private NDArray moment(Map<String, NDArray> moments, String name, NDArray like) {
    NDArray m = moments.get(name);
    if (m == null) {
      m = stateManager.zeros(like.getShape());
      NDScope.unregister(m);
      moments.put(name, m);
    }
    return m;
  }
}
