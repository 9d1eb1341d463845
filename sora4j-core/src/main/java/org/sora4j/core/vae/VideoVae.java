package org.sora4j.core.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.sora4j.core.checkpoint.ModelFolder;
import org.sora4j.core.nn.CausalCache;
import org.sora4j.core.nn.Layer;
import org.sora4j.core.video.Video;

/**
 * The spatiotemporal VAE: a causal 3D-convolutional encoder and decoder that compress video by
 * {@code spatialFactor} in space and {@code temporalFactor} in time. Causal in time, so the first
 * frame is encoded on its own and an image is a 1-frame video; long videos go through in chunks
 * with a {@link CausalCache}, so memory stays flat as duration grows.
 */
public final class VideoVae extends Layer {
  /** Latent frames per chunk when a video is processed in pieces. */
  public static final int DEFAULT_CHUNK_LATENT_FRAMES = 4;


  private final VaeConfig config;
  private final VaeEncoder encoder;
  private final VaeDecoder decoder;

  public VideoVae(VaeConfig config) {
    this.config = config;
    encoder = addChildBlock("encoder", new VaeEncoder(config));
    decoder = addChildBlock("decoder", new VaeDecoder(config));
  }

  /** Loads a trained VAE from a model folder (config.json + model.safetensors), verified. */
  public static VideoVae load(Path dir, NDManager manager) throws IOException {
    VideoVae vae = new VideoVae(ModelFolder.loadConfig(dir, VaeConfig.class));
    vae.initialize(manager);
    ModelFolder.loadInto(dir, vae);
    return vae;
  }

  public VaeConfig config() {
    return config;
  }

  VaeEncoder encoder() {
    return encoder;
  }

  VaeDecoder decoder() {
    return decoder;
  }

  /** The decoder's parameters, named as in the whole model (for training the decoder alone). */
  public PairList<String, Parameter> decoderParameters() {
    Set<Parameter> mine = Collections.newSetFromMap(new IdentityHashMap<>());
    mine.addAll(decoder.getParameters().values());
    PairList<String, Parameter> out = new PairList<>();
    for (Pair<String, Parameter> p : getParameters()) {
      if (mine.contains(p.getValue())) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * SHA-256 of what decides the raw latents: the encoder's shape and weights. Two VAEs with the
   * same fingerprint encode alike, whatever their decoders or latent statistics, so latents cached
   * for one serve the other (a decoder trained or deepened with the encoder frozen keeps it).
   */
  public String encoderFingerprint() {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    List<Object> fields = new ArrayList<>(List.of(config.latentChannels(), config.channels(), config.spatialFactor(),
        config.temporalFactor(), config.temporalKernel(), config.groups(), config.blocksPerLevel()));
    if (config.timePatch() > 1) {
      fields.add(config.timePatch()); // appended only when set, so older VAEs keep their fingerprints
    }
    String shape = fields.toString();
    sha.update(shape.getBytes(StandardCharsets.UTF_8));
    for (Pair<String, Parameter> p : encoder.getParameters()) {
      sha.update(p.getKey().getBytes(StandardCharsets.UTF_8));
      float[] values = p.getValue().getArray().toFloatArray();
      ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      bytes.asFloatBuffer().put(values);
      sha.update(bytes);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Encodes a whole clip (B, 3, T, H, W), T = k*temporalFactor+1, to its latent distribution. */
  public LatentDistribution encode(NDArray x) {
    checkInput(x);
    return LatentDistribution.fromMoments(encoder.forward(x, null));
  }

  /** Decodes a whole unscaled latent (B, Z, T', h, w) to video (B, 3, T, H, W). */
  public NDArray decode(NDArray z) {
    return decoder.forward(z, null);
  }

  /**
   * Encodes chunk by chunk to the latent mean, with flat memory in the clip's length. Gives the
   * same result as {@code encode(x).mean()} up to float rounding.
   *
   * @param x (B, 3, T, H, W) with T = k*temporalFactor+1
   * @param chunkLatentFrames latent frames per chunk
   */
  public NDArray encodeChunked(NDArray x, int chunkLatentFrames) {
    checkInput(x);
    int frames = (int) x.getShape().get(2);
    int tf = config.temporalFactor();
    List<NDArray> parts = new ArrayList<>();
    try (CausalCache cache = new CausalCache()) {
      int start = 0;
      int length = 1 + tf * (chunkLatentFrames - 1);
      while (start < frames) {
        int end = Math.min(frames, start + length);
        try (NDScope scope = new NDScope()) {
          NDArray chunk = x.get(":, :, " + start + ":" + end);
          NDArray mean = LatentDistribution.fromMoments(encoder.forward(chunk, cache)).mean().duplicate();
          NDScope.unregister(mean);
          parts.add(mean);
        }
        start = end;
        length = tf * chunkLatentFrames;
      }
    }
    return concatAndClose(parts);
  }

  /** Decodes chunk by chunk with flat memory; same result as {@link #decode}. */
  public NDArray decodeChunked(NDArray z, int chunkLatentFrames) {
    int frames = (int) z.getShape().get(2);
    List<NDArray> parts = new ArrayList<>();
    try (CausalCache cache = new CausalCache()) {
      for (int start = 0; start < frames; start += chunkLatentFrames) {
        int end = Math.min(frames, start + chunkLatentFrames);
        try (NDScope scope = new NDScope()) {
          NDArray out = decoder.forward(z.get(":, :, " + start + ":" + end), cache).duplicate();
          NDScope.unregister(out);
          parts.add(out);
        }
      }
    }
    return concatAndClose(parts);
  }

  /** The latent the diffusion model sees: centred and scaled to unit variance, channel by channel. */
  public NDArray toDiffusion(NDArray z) {
    return z.sub(perChannel(z, config.latentShift())).mul(perChannel(z, config.latentScale()));
  }

  /** Inverse of {@link #toDiffusion}. */
  public NDArray fromDiffusion(NDArray z) {
    return z.div(perChannel(z, config.latentScale())).add(perChannel(z, config.latentShift()));
  }

  /** A statistic shaped to broadcast over the channels of a (B, C, T, H, W) latent. */
  private static NDArray perChannel(NDArray z, List<Double> values) {
    float[] v = new float[values.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = values.get(i).floatValue();
    }
    return z.getManager().create(v, new Shape(1, v.length, 1, 1, 1));
  }

  /**
   * Encodes and decodes a video, in chunks. Frame counts that are not k*temporalFactor+1 are
   * padded with the last frame and trimmed back.
   */
  public Video reconstruct(Video video, NDManager manager) {
    checkSize(video.width(), video.height());
    try (NDManager m = manager.newSubManager()) {
      NDArray x = padFrames(VideoTensors.toTensor(m, video));
      NDArray z = encodeChunked(x, DEFAULT_CHUNK_LATENT_FRAMES);
      NDArray y = decodeChunked(z, DEFAULT_CHUNK_LATENT_FRAMES);
      return VideoTensors.toVideo(y.get(":, :, 0:" + video.frameCount()), video.fps());
    }
  }

  /** Pads (B, 3, T, H, W) with copies of its last frame to the next valid frame count. */
  public NDArray padFrames(NDArray x) {
    int t = (int) x.getShape().get(2);
    int valid = config.validFrames(t);
    if (valid == t) {
      return x;
    }
    NDArray last = x.get(":, :, " + (t - 1) + ":" + t).repeat(2, valid - t);
    return NDArrays.concat(new NDList(x, last), 2);
  }

  /** Throws with a clear message unless width and height are multiples of the spatial factor. */
  public void checkSize(int width, int height) {
    int f = config.spatialFactor();
    if (width % f != 0 || height % f != 0 || width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "size " + width + "x" + height + " is not a multiple of the VAE's spatial factor " + f
              + " (try " + Math.max(f, width / f * f) + "x" + Math.max(f, height / f * f) + ")");
    }
  }

  private void checkInput(NDArray x) {
    var s = x.getShape();
    if (s.dimension() != 5 || s.get(1) != 3) {
      throw new IllegalArgumentException("expected a (B, 3, T, H, W) video tensor, got " + s);
    }
    int t = (int) s.get(2);
    if (config.validFrames(t) != t) {
      throw new IllegalArgumentException(
          t + " frames: the VAE takes k*" + config.temporalFactor() + "+1 frames (pad to "
              + config.validFrames(t) + ")");
    }
    checkSize((int) s.get(4), (int) s.get(3));
  }

  private static NDArray concatAndClose(List<NDArray> parts) {
    NDArray all = parts.size() == 1 ? parts.get(0) : NDArrays.concat(new NDList(parts), 2);
    if (parts.size() > 1) {
      parts.forEach(NDArray::close);
    }
    return all;
  }
}
