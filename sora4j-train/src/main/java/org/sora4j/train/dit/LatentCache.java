package org.sora4j.train.dit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.sora4j.core.checkpoint.SafeTensors;
import org.sora4j.core.checkpoint.StorageType;
import org.sora4j.core.vae.VideoTensors;
import org.sora4j.core.vae.VideoVae;
import org.sora4j.core.video.FrameSize;
import org.sora4j.core.video.Video;
import org.sora4j.media.VideoFiles;
import org.sora4j.train.data.CaptionedClip;
import org.sora4j.train.data.FolderClips;
import org.sora4j.train.data.WorldClips;

/**
 * VAE latents of the training clips, encoded once and kept on disk, so diffusion training never
 * runs the VAE: one {@code <bucket>.safetensors} (the encoder's latents as they come, fp16) and one
 * {@code <bucket>.txt} (a caption per line) per bucket, and a {@code manifest.json} saying which
 * VAE weights and data made them; a cache whose manifest differs is rebuilt. Latents are brought
 * to diffusion scale as they are loaded, so re-measuring the VAE's latent statistics (which
 * changes its config, not its weights) does not cost a re-encode.
 */
public final class LatentCache {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ENCODE_BATCH = 8;

  /** The latents of one bucket, on the cache's manager: (N, C, T, H, W), and N captions. */
  public record Entries(Bucket bucket, NDArray latents, List<String> captions) {
    public int size() {
      return captions.size();
    }
  }

  /** What the safetensors hold; caches from before it was recorded held diffusion-scale latents. */
  static final String RAW_LATENTS = "raw";

  /** What made a cache: rebuilt when any of it changes. */
  @JsonIgnoreProperties(ignoreUnknown = true) // older manifests named the whole VAE's file hash "vae"
  record Manifest(String encoder, String data, long seed, int clips, List<String> buckets, Map<String, Integer> counts,
      String latents) {}

  private final List<Entries> buckets;

  private LatentCache(List<Entries> buckets) {
    this.buckets = List.copyOf(buckets);
  }

  public List<Entries> buckets() {
    return buckets;
  }

  /** Total clips over all buckets. */
  public int size() {
    return buckets.stream().mapToInt(Entries::size).sum();
  }

  /**
   * Opens the cache in {@code dir}, encoding the clips first unless a cache of the same encoder
   * (see {@link VideoVae#encoderFingerprint}), data, seed and buckets is already there.
   *
   * @param data a folder of clips, or null for world clips
   * @param clips world clips to encode (a folder's clips are all encoded)
   * @param progress told the number of clips encoded so far
   */
  public static LatentCache open(Path dir, VideoVae vae, Path data, List<Bucket> mix, int clips,
      long seed, NDManager manager, IntConsumer progress) throws IOException {
    String encoder = vae.encoderFingerprint();
    String dataName = data == null ? "world" : data.toAbsolutePath().normalize().toString();
    List<String> labels = mix.stream().map(Bucket::label).toList();
    Path manifestFile = dir.resolve("manifest.json");
    if (Files.isRegularFile(manifestFile)) {
      Manifest found = JSON.readValue(manifestFile.toFile(), Manifest.class);
      if (encoder.equals(found.encoder()) && found.data().equals(dataName) && found.seed() == seed
          && found.clips() == clips && found.buckets().equals(labels) && RAW_LATENTS.equals(found.latents())) {
        return load(dir, vae, mix, manager);
      }
    }
    Files.createDirectories(dir);
    Files.deleteIfExists(manifestFile);
    Map<String, Integer> counts = data == null
        ? encodeWorld(dir, vae, mix, clips, seed, manager, progress)
        : encodeFolder(dir, vae, FolderClips.open(data), mix, manager, progress);
    JSON.writerWithDefaultPrettyPrinter().writeValue(manifestFile.toFile(),
        new Manifest(encoder, dataName, seed, clips, labels, counts, RAW_LATENTS));
    return load(dir, vae, mix, manager);
  }

  private static Map<String, Integer> encodeWorld(Path dir, VideoVae vae, List<Bucket> mix, int clips, long seed,
      NDManager manager, IntConsumer progress) throws IOException {
    double total = mix.stream().mapToDouble(Bucket::weight).sum();
    SplittableRandom rng = new SplittableRandom(seed);
    Map<String, Integer> counts = new LinkedHashMap<>();
    int done = 0;
    for (Bucket bucket : mix) {
      int count = Math.max(1, (int) Math.round(clips * bucket.weight() / total));
      WorldClips world = new WorldClips(List.of(bucket.size()), 8);
      List<CaptionedClip> pending = new ArrayList<>();
      BucketWriter writer = new BucketWriter(dir, bucket);
      for (int i = 0; i < count; i++) {
        pending.add(world.render(rng.nextLong(), bucket.size(), bucket.frames()));
        if (pending.size() == ENCODE_BATCH || i == count - 1) {
          writer.add(encode(vae, pending, manager), pending);
          done += pending.size();
          progress.accept(done);
          pending.clear();
        }
      }
      writer.finish();
      counts.put(bucket.label(), count);
    }
    return counts;
  }

  /** Each file goes to the largest bucket it covers, centre-cropped; files that fit none are skipped. */
  private static Map<String, Integer> encodeFolder(Path dir, VideoVae vae, FolderClips folder, List<Bucket> mix,
      NDManager manager, IntConsumer progress) throws IOException {
    Map<Bucket, BucketWriter> writers = new LinkedHashMap<>();
    for (Bucket b : mix) {
      writers.put(b, new BucketWriter(dir, b));
    }
    int done = 0;
    for (FolderClips.Entry entry : folder.entries()) {
      Video video = VideoFiles.read(entry.file());
      Bucket best = null;
      for (Bucket b : mix) {
        boolean fits = b.size().width() <= video.width() && b.size().height() <= video.height()
            && b.frames() <= video.frameCount();
        if (fits && (best == null || (long) b.frames() * b.size().width() * b.size().height()
            > (long) best.frames() * best.size().width() * best.size().height())) {
          best = b;
        }
      }
      if (best != null) {
        List<CaptionedClip> one = List.of(new CaptionedClip(centreCrop(video, best), entry.caption()));
        writers.get(best).add(encode(vae, one, manager), one);
      }
      progress.accept(++done);
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (var w : writers.entrySet()) {
      w.getValue().finish();
      counts.put(w.getKey().label(), w.getValue().count());
    }
    if (counts.values().stream().mapToInt(Integer::intValue).sum() == 0) {
      throw new IOException("no file in " + folder.root() + " is as large as the smallest training bucket");
    }
    return counts;
  }

  private static Video centreCrop(Video video, Bucket b) {
    int w = b.size().width(), h = b.size().height();
    int x0 = (video.width() - w) / 2, y0 = (video.height() - h) / 2;
    List<byte[]> frames = new ArrayList<>();
    for (int f = 0; f < b.frames(); f++) {
      byte[] src = video.frame(f);
      byte[] dst = new byte[w * h * 3];
      for (int y = 0; y < h; y++) {
        System.arraycopy(src, ((y0 + y) * video.width() + x0) * 3, dst, y * w * 3, w * 3);
      }
      frames.add(dst);
    }
    return Video.of(w, h, video.fps(), frames);
  }

  /** Latents of a batch of same-shaped clips: values and the (C, T, H, W) shape of one clip. */
  private record Encoded(float[] values, Shape clipShape) {}

  /** Latent means of same-shaped clips, as the encoder gives them. */
  private static Encoded encode(VideoVae vae, List<CaptionedClip> clips, NDManager manager) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      List<NDArray> xs = new ArrayList<>();
      for (CaptionedClip c : clips) {
        xs.add(VideoTensors.toTensor(manager, c.video()));
      }
      NDArray x = xs.size() == 1 ? xs.get(0) : NDArrays.concat(new NDList(xs), 0);
      NDArray z = vae.encode(x).mean();
      return new Encoded(z.toFloatArray(), z.getShape().slice(1));
    }
  }

  private static LatentCache load(Path dir, VideoVae vae, List<Bucket> mix, NDManager manager) throws IOException {
    List<Entries> entries = new ArrayList<>();
    for (Bucket b : mix) {
      Path captions = dir.resolve(b.label() + ".txt");
      if (!Files.exists(captions) || Files.readAllLines(captions).isEmpty()) {
        continue;
      }
      NDArray latents;
      try (NDManager m = manager.newSubManager()) {
        latents = vae.toDiffusion(SafeTensors.read(dir.resolve(b.label() + ".safetensors"), m).get("latents"));
        latents.attach(manager);
      }
      entries.add(new Entries(b, latents, Files.readAllLines(captions, StandardCharsets.UTF_8)));
    }
    if (entries.isEmpty()) {
      throw new IOException("the latent cache in " + dir + " is empty");
    }
    return new LatentCache(entries);
  }

  /** Collects one bucket's latents and captions, then writes both files. */
  private static final class BucketWriter {
    private final Path dir;
    private final Bucket bucket;
    private final List<float[]> parts = new ArrayList<>();
    private final List<String> captions = new ArrayList<>();
    private Shape clipShape;

    BucketWriter(Path dir, Bucket bucket) {
      this.dir = dir;
      this.bucket = bucket;
    }

    void add(Encoded latents, List<CaptionedClip> clips) {
      parts.add(latents.values());
      clipShape = latents.clipShape();
      clips.forEach(c -> captions.add(c.caption().replace('\n', ' ')));
    }

    int count() {
      return captions.size();
    }

    void finish() throws IOException {
      Files.write(dir.resolve(bucket.label() + ".txt"), captions, StandardCharsets.UTF_8);
      if (captions.isEmpty()) {
        return;
      }
      int total = parts.stream().mapToInt(p -> p.length).sum();
      float[] all = new float[total];
      int at = 0;
      for (float[] p : parts) {
        System.arraycopy(p, 0, all, at, p.length);
        at += p.length;
      }
      try (NDManager m = NDManager.newBaseManager()) {
        Shape shape = new Shape(captions.size()).addAll(clipShape);
        NDArray latents = m.create(all, shape);
        SafeTensors.write(dir.resolve(bucket.label() + ".safetensors"), Map.of("latents", latents),
            Map.of("bucket", bucket.label()), StorageType.F16);
      }
    }
  }
}
