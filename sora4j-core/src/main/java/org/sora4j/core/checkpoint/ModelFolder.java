package org.sora4j.core.checkpoint;

import java.lang.reflect.RecordComponent;

import com.fasterxml.jackson.databind.JsonNode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A model as a folder anyone can read, in the Hugging Face layout:
 *
 * <ul>
 *   <li>{@code config.json}: the model's config record, written by Jackson;
 *   <li>{@code model.safetensors}: every parameter under its hierarchical DJL name
 *       ({@code block.getParameters()}), with {@code "format": "pt"} metadata;
 *   <li>{@code model.safetensors.sha256}: the file's SHA-256 in {@code sha256sum} format, so
 *       {@code sha256sum -c model.safetensors.sha256} checks it outside Java too.
 * </ul>
 *
 * <p>Each file is written atomically. All three are staged first and renamed last, so a crash
 * leaves either the old or the new file under each name; the one mixed state possible (new
 * weights, old hash) is then reported as corruption on load, never loaded silently. Other files
 * in the folder (optimizer state, trainer state) are left alone.
 */
public final class ModelFolder {
  /** The config file's name. */
  public static final String CONFIG = "config.json";
  /** The weights file's name. */
  public static final String WEIGHTS = "model.safetensors";
  /** The checksum file's name. */
  public static final String CHECKSUM = "model.safetensors.sha256";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern CHILD_NUMBER = Pattern.compile("(^|_)\\d{2}(?=[A-Za-z])");

  private ModelFolder() {}

  /**
   * Saves {@code config} and the parameters of {@code block} into {@code dir}, creating it if
   * needed and replacing an earlier model there.
   *
   * @param config a Jackson-serialisable config (usually a record)
   * @param block an initialized block
   * @param storage F32 to keep the weights exactly, F16 to halve the file
   * @throws IllegalArgumentException if the block is not initialized, has two parameters of one
   *     name, or the config cannot be written as JSON
   */
  public static void save(Path dir, Object config, Block block, StorageType storage)
      throws IOException {
    Objects.requireNonNull(config, "config");
    Map<String, NDArray> tensors = new LinkedHashMap<>();
    parameters(block).forEach((name, p) -> tensors.put(name, array(name, p)));
    byte[] configJson = configJson(config);
    Files.createDirectories(dir);
    List<Path> staged = new ArrayList<>();
    try {
      String[] sha256 = new String[1];
      staged.add(AtomicFiles.stage(dir.resolve(WEIGHTS),
          temp -> sha256[0] = SafeTensors.writeTo(temp, tensors, Map.of("format", "pt"), storage)));
      staged.add(AtomicFiles.stage(dir.resolve(CHECKSUM), temp -> Files.writeString(
          temp, sha256[0] + "  " + WEIGHTS + "\n", StandardCharsets.US_ASCII)));
      staged.add(AtomicFiles.stage(dir.resolve(CONFIG), temp -> Files.write(temp, configJson)));
    } catch (IOException | RuntimeException e) {
      AtomicFiles.discard(staged);
      throw e;
    }
    AtomicFiles.commit(staged.get(0), dir.resolve(WEIGHTS));
    AtomicFiles.commit(staged.get(1), dir.resolve(CHECKSUM));
    AtomicFiles.commit(staged.get(2), dir.resolve(CONFIG));
  }

  /**
   * Replaces the config of the model in {@code dir}, keeping its weights: for settings measured
   * after training, such as a VAE's latent statistics.
   *
   * @throws IOException if {@code dir} holds no model
   */
  public static void saveConfig(Path dir, Object config) throws IOException {
    if (!Files.isRegularFile(dir.resolve(CONFIG)) || !Files.isRegularFile(dir.resolve(WEIGHTS))) {
      throw new IOException(dir + " is not a model folder: it needs " + CONFIG + " and " + WEIGHTS);
    }
    byte[] configJson = configJson(config);
    AtomicFiles.write(dir.resolve(CONFIG), temp -> Files.write(temp, configJson));
  }

  private static byte[] configJson(Object config) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(config);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("config of type " + config.getClass().getName()
          + " cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads the config of the model in {@code dir}.
   *
   * @throws IOException naming the file if it is missing or is not a valid {@code configType}
   */
  public static <C> C loadConfig(Path dir, Class<C> configType) throws IOException {
    Path file = dir.resolve(CONFIG);
    if (!Files.isRegularFile(file)) {
      throw new IOException(dir + " is not a model folder: it has no " + CONFIG);
    }
    try {
      return JSON.readValue(file.toFile(), configType);
    } catch (JsonProcessingException e) {
      List<String> missing = missingComponents(file, configType);
      throw new IOException(file + " is not a valid " + configType.getSimpleName() + ": " + (missing.isEmpty()
          ? e.getOriginalMessage() : "it has no " + String.join(", ", missing) + " (is it another kind of model?)"), e);
    }
  }

  /** The record components a config file does not name: what makes a denoiser's config no VAE's. */
  private static List<String> missingComponents(Path file, Class<?> configType) {
    if (!configType.isRecord()) {
      return List.of();
    }
    try {
      JsonNode tree = JSON.readTree(file.toFile());
      List<String> missing = new ArrayList<>();
      for (RecordComponent c : configType.getRecordComponents()) {
        if (tree.isObject() && !tree.has(c.getName())) {
          missing.add(c.getName());
        }
      }
      return missing;
    } catch (IOException e) {
      return List.of(); // not JSON at all: the parser's own message says so
    }
  }

  /**
   * Loads the weights in {@code dir} into {@code block}, whose parameters must already be
   * initialized in fp32 (for example by building it from {@link #loadConfig} and initializing it).
   * Copies in place, so references to the parameters' arrays stay valid. Nothing is copied unless
   * every check passes.
   *
   * @throws IOException if the weights file is missing, truncated, malformed, or does not match
   *     its recorded SHA-256
   * @throws IllegalArgumentException if parameter names or shapes differ from the block's, listing
   *     every missing and unexpected name and every differing shape
   */
  public static void loadInto(Path dir, Block block) throws IOException {
    Map<String, Parameter> parameters = parameters(block);
    parameters.forEach(ModelFolder::array);
    copy(dir, parameters, entries -> {
      checkFits(dir, parameters, entries);
      Map<String, String> all = new LinkedHashMap<>();
      parameters.keySet().forEach(name -> all.put(name, name));
      return all;
    });
  }

  /**
   * Loads the weights in {@code dir} whose name and shape match one of {@code block}'s parameters
   * and leaves the others as initialized: a new model started from a trained one that differs in
   * a few layers (another patch size changes only the patch embedding and the output layer; more
   * blocks add new ones). A name matches exactly or, where blocks were inserted before it, without
   * the child numbers DJL puts in front of each block's name ("02transformer_12final_bias" is
   * "transformer_final_bias"), if that shorter name is unique in both the block and the file.
   *
   * @return the names of the block's parameters left as initialized, sorted
   * @throws IOException if the weights file is missing, malformed or fails its SHA-256
   * @throws IllegalArgumentException if no parameter matches at all (the folder holds another
   *     kind of model)
   */
  public static List<String> loadMatching(Path dir, Block block) throws IOException {
    Map<String, Parameter> parameters = parameters(block);
    parameters.forEach(ModelFolder::array);
    TreeSet<String> left = new TreeSet<>(parameters.keySet());
    copy(dir, parameters, entries -> {
      Map<String, String> byShortName = uniqueShortNames(entries.keySet());
      Map<String, String> ownShortNames = uniqueShortNames(parameters.keySet());
      Map<String, String> matching = new LinkedHashMap<>();
      parameters.forEach((name, p) -> {
        String shortName = withoutChildNumbers(name);
        String source = entries.containsKey(name) ? name
            : ownShortNames.containsKey(shortName) ? byShortName.get(shortName) : null;
        TensorEntry entry = source == null ? null : entries.get(source);
        if (entry != null && entry.shape().equals(p.getArray().getShape())) {
          matching.put(name, source);
        }
      });
      if (matching.isEmpty()) {
        throw new IllegalArgumentException("no parameter of the model in " + dir
            + " matches this model's names and shapes: it is another kind of model");
      }
      left.removeAll(matching.keySet());
      return matching;
    });
    return List.copyOf(left);
  }

  /** Each name without child numbers, to the one full name it comes from (names that collide are left out). */
  private static Map<String, String> uniqueShortNames(Collection<String> names) {
    Map<String, String> out = new LinkedHashMap<>();
    TreeSet<String> collided = new TreeSet<>();
    for (String name : names) {
      String shortName = withoutChildNumbers(name);
      if (out.putIfAbsent(shortName, name) != null) {
        collided.add(shortName);
      }
    }
    collided.forEach(out::remove);
    return out;
  }

  /** DJL names a child block "%02d" + name, numbered in the order it was added. */
  private static String withoutChildNumbers(String name) {
    return CHILD_NUMBER.matcher(name).replaceAll("$1");
  }

  /** Copies the chosen parameters' values from {@code dir}'s verified weights, in place. */
  private static void copy(Path dir, Map<String, Parameter> parameters,
      Function<Map<String, TensorEntry>, Map<String, String>> choose) throws IOException {
    Path weights = dir.resolve(WEIGHTS);
    if (!Files.isRegularFile(weights)) {
      throw new IOException(dir + " is not a model folder: it has no " + WEIGHTS);
    }
    verifyChecksum(dir);
    try (FileChannel channel = SafeTensors.open(weights)) {
      SafeTensorsHeader header = SafeTensorsHeader.read(weights, channel);
      Map<String, TensorEntry> entries = new LinkedHashMap<>();
      header.tensors().forEach(t -> entries.put(t.name(), t));
      // parameter name -> the stored tensor it takes its values from
      for (Map.Entry<String, String> chosen : choose.apply(entries).entrySet()) {
        float[] values = SafeTensors.readValues(weights, channel, header, entries.get(chosen.getValue()));
        parameters.get(chosen.getKey()).getArray().set(FloatBuffer.wrap(values));
      }
    }
  }

  /**
   * Checks {@code model.safetensors} in {@code dir} against its recorded SHA-256.
   *
   * @throws IOException "model.safetensors in DIR is corrupt: sha256 ACTUAL, expected RECORDED" on
   *     a mismatch, or naming the checksum file if it is missing or malformed
   */
  public static void verifyChecksum(Path dir) throws IOException {
    Path checksum = dir.resolve(CHECKSUM);
    if (!Files.isRegularFile(checksum)) {
      throw new IOException(dir + " has no " + CHECKSUM + " to verify " + WEIGHTS + " against");
    }
    String text = Files.readString(checksum, StandardCharsets.US_ASCII).strip();
    String expected = text.split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
    if (!HEX_SHA256.matcher(expected).matches()) {
      throw new IOException(checksum + " does not start with a 64-digit hex SHA-256");
    }
    String actual = SafeTensors.sha256(dir.resolve(WEIGHTS));
    if (!actual.equals(expected)) {
      throw new IOException(WEIGHTS + " in " + dir + " is corrupt: sha256 " + actual
          + ", expected " + expected);
    }
  }

  /** The block's parameters by hierarchical name, rejecting duplicate names. */
  /** The name under which a model folder stores {@code parameter} of {@code block}. */
  public static String nameOf(Block block, Parameter parameter) {
    for (Map.Entry<String, Parameter> p : parameters(block).entrySet()) {
      if (p.getValue() == parameter) {
        return p.getKey();
      }
    }
    throw new IllegalArgumentException(parameter.getName() + " is not a parameter of this model");
  }

  private static Map<String, Parameter> parameters(Block block) {
    Objects.requireNonNull(block, "block");
    Map<String, Parameter> out = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      if (out.put(p.getKey(), p.getValue()) != null) {
        throw new IllegalArgumentException("the block has two parameters named \"" + p.getKey()
            + "\"; checkpoint names must be unique");
      }
    }
    return out;
  }

  private static NDArray array(String name, Parameter parameter) {
    if (!parameter.isInitialized()) {
      throw new IllegalArgumentException("the block is not initialized: parameter \"" + name
          + "\" has no array yet");
    }
    NDArray array = parameter.getArray();
    if (array.getDataType() != DataType.FLOAT32) {
      throw new IllegalArgumentException("parameter \"" + name + "\" is " + array.getDataType()
          + "; model folders hold fp32 models");
    }
    return array;
  }

  private static void checkFits(
      Path dir, Map<String, Parameter> parameters, Map<String, TensorEntry> entries) {
    TreeSet<String> missing = new TreeSet<>(parameters.keySet());
    missing.removeAll(entries.keySet());
    TreeSet<String> unexpected = new TreeSet<>(entries.keySet());
    unexpected.removeAll(parameters.keySet());
    List<String> problems = new ArrayList<>();
    if (!missing.isEmpty()) {
      problems.add("missing parameters " + missing);
    }
    if (!unexpected.isEmpty()) {
      problems.add("unexpected parameters " + unexpected);
    }
    for (Map.Entry<String, Parameter> p : parameters.entrySet()) {
      TensorEntry entry = entries.get(p.getKey());
      Shape expected = p.getValue().getArray().getShape();
      if (entry != null && !entry.shape().equals(expected)) {
        problems.add("parameter \"" + p.getKey() + "\" has shape " + entry.shape()
            + " but the model expects " + expected);
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("the checkpoint in " + dir + " does not fit the model: "
          + String.join("; ", problems));
    }
  }
}
