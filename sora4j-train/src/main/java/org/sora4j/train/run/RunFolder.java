package org.sora4j.train.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sora4j.core.checkpoint.ModelFolder;
import org.sora4j.core.checkpoint.SafeTensors;
import org.sora4j.core.checkpoint.StorageType;
import org.sora4j.core.nn.Layer;
import org.sora4j.core.optim.AdamW;

/**
 * The folder of one training run: {@code checkpoint/} (a model folder plus optimizer state and
 * trainer state), {@code loss.csv}, {@code loss.png} and {@code samples/}.
 *
 * <p>A checkpoint is written whole into {@code checkpoint.new/} and then swapped in by renames, so
 * a crash at any moment leaves one complete checkpoint behind: {@code checkpoint/} or, mid-swap,
 * {@code checkpoint.old/}.
 */
public final class RunFolder {
  public static final String OPTIMIZER = "optimizer.safetensors";
  public static final String TRAINER_STATE = "trainer_state.json";
  /** With an EMA, the model folder holds the average and this file the weights being trained. */
  public static final String TRAINING_WEIGHTS = "training_weights.safetensors";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  private RunFolder(Path dir) {
    this.dir = dir;
  }

  /**
   * Opens {@code dir} for a new run (it must not hold a checkpoint) or for resuming one (it must).
   */
  public static RunFolder prepare(Path dir, boolean resume) throws IOException {
    RunFolder run = new RunFolder(dir);
    if (resume) {
      run.recoverInterruptedSwap();
      if (!Files.isRegularFile(run.checkpointDir().resolve(TRAINER_STATE))) {
        throw new IOException("cannot resume: " + dir + " holds no checkpoint (no "
            + run.checkpointDir().resolve(TRAINER_STATE) + ")");
      }
    } else if (Files.exists(run.checkpointDir()) || Files.exists(dir.resolve("checkpoint.old"))) {
      throw new IOException(dir + " already holds a training run: add --resume to continue it, or"
          + " choose another --out");
    }
    Files.createDirectories(dir);
    return run;
  }

  public Path dir() {
    return dir;
  }

  /** The latest complete checkpoint: a model folder that {@code --model} options accept. */
  public Path checkpointDir() {
    return dir.resolve("checkpoint");
  }

  /** The model config saved with the checkpoint. */
  public <C> C loadConfig(Class<C> type) throws IOException {
    return ModelFolder.loadConfig(checkpointDir(), type);
  }

  /** Loads weights and optimizer state into freshly initialised objects; returns the state. */
  public TrainerState resume(Layer model, AdamW optimizer, NDManager manager) throws IOException {
    return resume(model, optimizer, manager, null);
  }

  /** As {@link #resume(Layer, AdamW, NDManager)}, also restoring the EMA model when there is one. */
  public TrainerState resume(Layer model, AdamW optimizer, NDManager manager, Layer ema) throws IOException {
    Path checkpoint = checkpointDir();
    if (ema == null) {
      ModelFolder.loadInto(checkpoint, model);
    } else {
      ModelFolder.loadInto(checkpoint, ema);
      loadWeights(checkpoint.resolve(TRAINING_WEIGHTS), model, manager);
    }
    TrainerState state = JSON.readValue(checkpoint.resolve(TRAINER_STATE).toFile(), TrainerState.class);
    try (NDManager scratch = manager.newSubManager()) {
      Map<String, NDArray> moments = SafeTensors.read(checkpoint.resolve(OPTIMIZER), scratch);
      optimizer.load(moments, state.step());
    }
    return state;
  }

  /** Sets every parameter of {@code model} from a safetensors file of the same names and shapes. */
  public static void loadWeights(Path file, Layer model, NDManager manager) throws IOException {
    try (NDManager scratch = manager.newSubManager()) {
      Map<String, NDArray> weights = SafeTensors.read(file, scratch);
      for (var p : model.getParameters()) {
        NDArray w = weights.get(p.getKey());
        if (w == null || !w.getShape().equals(p.getValue().getArray().getShape())) {
          throw new IOException(file + " lacks " + p.getKey() + " of shape " + p.getValue().getArray().getShape());
        }
        p.getValue().getArray().set(w.toFloatArray());
      }
    }
  }

  /** Writes model, optimizer and trainer state as one checkpoint, replacing the previous one. */
  public void save(Layer model, Object config, AdamW optimizer, TrainerState state)
      throws IOException {
    save(model, config, optimizer, state, null);
  }

  /**
   * As {@link #save(Layer, Object, AdamW, TrainerState)}; with an EMA model, the model folder holds
   * the EMA weights (the ones to sample and ship) and {@value #TRAINING_WEIGHTS} the trained ones.
   */
  public void save(Layer model, Object config, AdamW optimizer, TrainerState state, Layer ema)
      throws IOException {
    save(model, config, optimizer, state, ema, Map.of());
  }

  /**
   * As {@link #save(Layer, Object, AdamW, TrainerState, Layer)}, plus more training state (a
   * discriminator, say) as named safetensors files in the same checkpoint.
   */
  public void save(Layer model, Object config, AdamW optimizer, TrainerState state, Layer ema,
      Map<String, Map<String, NDArray>> extraFiles) throws IOException {
    Path fresh = dir.resolve("checkpoint.new");
    Path old = dir.resolve("checkpoint.old");
    deleteTree(fresh);
    ModelFolder.save(fresh, config, ema == null ? model : ema, StorageType.F32);
    if (ema != null) {
      Map<String, NDArray> weights = new java.util.LinkedHashMap<>();
      model.getParameters().forEach(p -> weights.put(p.getKey(), p.getValue().getArray()));
      SafeTensors.write(fresh.resolve(TRAINING_WEIGHTS), weights, Map.of(), StorageType.F32);
    }
    SafeTensors.write(fresh.resolve(OPTIMIZER), optimizer.state(), Map.of("step", Long.toString(state.step())), StorageType.F32);
    JSON.writerWithDefaultPrettyPrinter().writeValue(fresh.resolve(TRAINER_STATE).toFile(), state);
    for (var file : extraFiles.entrySet()) {
      SafeTensors.write(fresh.resolve(file.getKey()), file.getValue(), Map.of(), StorageType.F32);
    }
    deleteTree(old);
    if (Files.exists(checkpointDir())) {
      Files.move(checkpointDir(), old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(fresh, checkpointDir(), StandardCopyOption.ATOMIC_MOVE);
    deleteTree(old);
  }

  /** Copies the checkpoint's model folder (not the training state) to {@code snapshots/step_N}. */
  public Path snapshot(long step) throws IOException {
    Path target = dir.resolve("snapshots").resolve(String.format("step_%07d", step));
    deleteTree(target);
    Files.createDirectories(target);
    for (String name : List.of(ModelFolder.CONFIG, ModelFolder.WEIGHTS, ModelFolder.CHECKSUM)) {
      Path file = checkpointDir().resolve(name);
      if (Files.exists(file)) {
        Files.copy(file, target.resolve(name));
      }
    }
    return target;
  }

  /** A crash between the two renames of {@link #save} leaves only {@code checkpoint.old/}. */
  private void recoverInterruptedSwap() throws IOException {
    Path old = dir.resolve("checkpoint.old");
    if (!Files.exists(checkpointDir()) && Files.exists(old)) {
      Files.move(old, checkpointDir(), StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
