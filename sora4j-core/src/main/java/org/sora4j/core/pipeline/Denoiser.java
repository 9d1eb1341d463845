package org.sora4j.core.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.sora4j.core.checkpoint.ModelFolder;
import org.sora4j.core.dit.DiffusionTransformer;
import org.sora4j.core.nn.Layer;
import org.sora4j.core.text.TextEncoder;
import org.sora4j.core.text.WordTokenizer;

/**
 * The trained half of text-to-video that lives in latent space: the text encoder and the
 * diffusion transformer, trained jointly and saved as one model folder.
 */
public final class Denoiser extends Layer {
  private final DenoiserConfig config;
  private final WordTokenizer tokenizer;
  private final TextEncoder textEncoder;
  private final DiffusionTransformer transformer;

  public Denoiser(DenoiserConfig config) {
    this.config = config;
    tokenizer = new WordTokenizer(config.vocabulary());
    textEncoder = addChildBlock("text_encoder", new TextEncoder(config.textEncoder()));
    transformer = addChildBlock("transformer", new DiffusionTransformer(config.transformer()));
  }

  /** Loads a model folder written by training, verifying names, shapes and checksum. */
  public static Denoiser load(Path dir, NDManager manager) throws IOException {
    Denoiser denoiser = new Denoiser(ModelFolder.loadConfig(dir, DenoiserConfig.class));
    denoiser.initialize(manager);
    ModelFolder.loadInto(dir, denoiser);
    return denoiser;
  }

  public DenoiserConfig config() {
    return config;
  }

  public WordTokenizer tokenizer() {
    return tokenizer;
  }

  public DiffusionTransformer transformer() {
    return transformer;
  }

  /** Text embeddings and mask of a batch of captions ("" is the empty caption of guidance). */
  public TextEncoder.Output encodeText(NDManager manager, List<String> captions) {
    return textEncoder.forward(textEncoder.ids(manager, tokenizer, captions));
  }

  /** The predicted velocity of a noisy latent (B, C, T, H, W) at per-frame times (B, T). */
  public NDArray velocity(NDArray latent, NDArray time, TextEncoder.Output text) {
    return transformer.forward(latent, time, text.embeddings(), text.mask());
  }

  /**
   * The predicted velocity given also the model's previous estimate of the clean latent (null for
   * none yet); a model without self-conditioning ignores the estimate.
   */
  public NDArray velocity(NDArray latent, NDArray estimate, NDArray time, TextEncoder.Output text) {
    return transformer.forward(latent, estimate, time, text.embeddings(), text.mask());
  }
}
