package org.sora4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponse;
import com.openai.errors.NotFoundException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoDeleteResponse;
import com.openai.models.videos.VideoDownloadContentParams;
import com.openai.models.videos.VideoEditParams;
import com.openai.models.videos.VideoExtendParams;
import com.openai.models.videos.VideoListPage;
import com.openai.models.videos.VideoListParams;
import com.openai.models.videos.VideoModel;
import com.openai.models.videos.VideoRemixParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.media.VideoFiles;

/** The server driven by the official openai-java client, as a user's code would drive OpenAI's Videos API. */
// the client marks its videos resource deprecated since OpenAI's shutdown: exactly the code this server keeps working
@SuppressWarnings("deprecation")
class VideosApiTest {
  static final String KEY = "sk-test-one";
  static final String OTHER_KEY = "sk-test-two";

  @TempDir static Path dir;
  static VideoServer server;
  static OpenAIClient client;

  @BeforeAll
  static void start() throws Exception {
    ServerOptions options = TinyModels.write(dir, dir.resolve("data")).withApiKeys(List.of(KEY, OTHER_KEY));
    server = VideoServer.start(options);
    client = client(KEY);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static OpenAIClient client(String key) {
    return OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey(key).maxRetries(0).build();
  }

  static Video waitFor(OpenAIClient c, String id) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (true) {
      Video v = c.videos().retrieve(id);
      String status = v.status().asString();
      if (status.equals("completed") || status.equals("failed")) {
        return v;
      }
      assertThat(System.currentTimeMillis()).as("video %s still %s", id, status).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  static byte[] download(String id, VideoDownloadContentParams.Variant variant) throws IOException {
    try (HttpResponse response = client.videos().downloadContent(id,
        VideoDownloadContentParams.builder().variant(variant).build()); InputStream body = response.body()) {
      return body.readAllBytes();
    }
  }

  static Video create(String prompt, String seconds, String size) {
    return client.videos().create(VideoCreateParams.builder().prompt(prompt).model(VideoModel.SORA_2)
        .seconds(VideoSeconds.of(seconds)).size(VideoSize.of(size)).build());
  }

  @Test
  void createsPollsAndDownloadsEveryVariant() throws Exception {
    Video queued = create("a red ball bounces on the grass", "1", "32x32");
    assertThat(queued.id()).matches("video_[0-9a-f]{32}");
    assertThat(queued.status().asString()).isIn("queued", "in_progress");
    assertThat(queued.seconds().asString()).isEqualTo("1");

    Video done = waitFor(client, queued.id());
    assertThat(done.status().asString()).isEqualTo("completed");
    assertThat(done.progress()).isEqualTo(100);
    assertThat(done.completedAt()).isPresent();
    assertThat(done.model().asString()).isEqualTo("sora-2");
    assertThat(done.prompt()).contains("a red ball bounces on the grass");

    Path mp4 = dir.resolve("created.mp4");
    Files.write(mp4, download(done.id(), VideoDownloadContentParams.Variant.VIDEO));
    org.sora4j.core.video.Video video = VideoFiles.read(mp4);
    assertThat(video.width()).isEqualTo(32);
    assertThat(video.height()).isEqualTo(32);
    assertThat(video.frameCount()).isEqualTo(8);
    assertThat(ImageIO.read(new java.io.ByteArrayInputStream(download(done.id(), VideoDownloadContentParams.Variant.THUMBNAIL))))
        .isNotNull();
    byte[] sheet = download(done.id(), VideoDownloadContentParams.Variant.SPRITESHEET);
    assertThat(sheet[0] & 0xff).isEqualTo(0xFF); // JPEG
    assertThat(ImageIO.read(new java.io.ByteArrayInputStream(sheet)).getWidth()).isEqualTo(4 * 32);
  }

  @Test
  void deliversSoraSizesScaledUpFromTheModelsOwnScale() throws Exception {
    Video done = waitFor(client, create("a blue box", "1", "720x1280").id());
    assertThat(done.status().asString()).isEqualTo("completed");
    assertThat(done.size().asString()).isEqualTo("720x1280");
    Path mp4 = dir.resolve("tall.mp4");
    Files.write(mp4, download(done.id(), VideoDownloadContentParams.Variant.VIDEO));
    org.sora4j.core.video.Video video = VideoFiles.read(mp4);
    assertThat(video.width()).isEqualTo(720);
    assertThat(video.height()).isEqualTo(1280);
    // the test server's pixel budget is smaller than the default one, so only the ends are fixed
    Map<String, String> tags = VideoFiles.readTags(mp4);
    assertThat(tags.get("comment")).startsWith("sora4j sora-2: generated at ")
        .endsWith(" and upscaled (bilinear, centre crop) to 720x1280");
    assertThat(tags).containsEntry("description", "a blue box");
  }

  @Test
  void animatesAnUploadedReferenceImage() throws Exception {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0xff0000);
    ImageIO.write(image, "png", png);
    Video done = waitFor(client, client.videos().create(VideoCreateParams.builder().prompt("a red ball rolls")
        .inputReference(png.toByteArray()).seconds(VideoSeconds.of("1")).size(VideoSize.of("32x32")).build()).id());
    assertThat(done.status().asString()).isEqualTo("completed");
  }

  @Test
  void acceptsJsonWithADataUrlReferenceAndTheProModel() throws Exception {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(new java.awt.image.BufferedImage(30, 20, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
    String dataUrl = "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png.toByteArray());
    Http.Reply reply = new Http(server.baseUrl(), KEY).postJson("/v1/videos", "{\"prompt\":\"a red ball\",\"model\":\"sora-2-pro\","
        + "\"seconds\":\"1\",\"size\":\"32x32\",\"input_reference\":{\"image_url\":\"" + dataUrl + "\"}}");
    assertThat(reply.status()).isEqualTo(200);
    Video done = waitFor(client, reply.json().path("id").asText());
    assertThat(done.status().asString()).isEqualTo("completed");
    assertThat(done.model().asString()).isEqualTo("sora-2-pro");
  }

  @Test
  void remixesEditsAndExtends() throws Exception {
    Video source = waitFor(client, create("a red ball", "1", "32x32").id());
    Video remix = waitFor(client, client.videos().remix(source.id(),
        VideoRemixParams.builder().prompt("a green ball").build()).id());
    assertThat(remix.status().asString()).isEqualTo("completed");
    assertThat(remix.remixedFromVideoId()).contains(source.id());
    assertThat(remix.size().asString()).isEqualTo("32x32");

    Video edit = waitFor(client, client.videos().edit(VideoEditParams.builder().prompt("a yellow ball")
        .video(VideoEditParams.Video.VideoReferenceInputParam.builder().id(source.id()).build()).build()).id());
    assertThat(edit.status().asString()).isEqualTo("completed");

    // an uploaded video, as the SDK sends bytes: a part without a file name
    Path sourceMp4 = dir.resolve("source.mp4");
    Files.write(sourceMp4, download(source.id(), VideoDownloadContentParams.Variant.VIDEO));
    Video uploadedEdit = waitFor(client, client.videos().edit(VideoEditParams.builder().prompt("a purple ball")
        .video(Files.readAllBytes(sourceMp4)).build()).id());
    assertThat(uploadedEdit.status().asString()).isEqualTo("completed");
    assertThat(uploadedEdit.size().asString()).isEqualTo("32x32");

    Video extended = waitFor(client, client.videos().extend(VideoExtendParams.builder().prompt("the ball keeps rolling")
        .seconds(VideoSeconds.of("1")).video(VideoExtendParams.Video.VideoReferenceInputParam.builder().id(source.id()).build())
        .build()).id());
    assertThat(extended.status().asString()).isEqualTo("completed");
    assertThat(extended.seconds().asString()).isEqualTo("2");
    Path mp4 = dir.resolve("extended.mp4");
    Files.write(mp4, download(extended.id(), VideoDownloadContentParams.Variant.VIDEO));
    assertThat(VideoFiles.read(mp4).frameCount()).isEqualTo(16);
  }

  @Test
  void listsWithCursorPagingAndDeletes() throws Exception {
    OpenAIClient own = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey(OTHER_KEY).maxRetries(0).build();
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      made.add(waitFor(own, own.videos().create(VideoCreateParams.builder().prompt("a ball " + i)
          .seconds(VideoSeconds.of("1")).size(VideoSize.of("32x32")).build()).id()).id());
    }
    VideoListPage first = own.videos().list(VideoListParams.builder().limit(2).order(VideoListParams.Order.ASC).build());
    assertThat(first.data()).extracting(Video::id).containsExactly(made.get(0), made.get(1));
    assertThat(first.hasMore()).contains(true);
    VideoListPage second = first.nextPage();
    assertThat(second.data()).extracting(Video::id).containsExactly(made.get(2));
    assertThat(second.hasMore()).contains(false);
    VideoListPage newest = own.videos().list(VideoListParams.builder().limit(1).build());
    assertThat(newest.data()).extracting(Video::id).containsExactly(made.get(2));

    // the first key sees none of them
    assertThatThrownBy(() -> client.videos().retrieve(made.get(0))).isInstanceOf(NotFoundException.class);
    assertThat(client.videos().list().data()).extracting(Video::id).doesNotContainAnyElementsOf(made);

    VideoDeleteResponse deleted = own.videos().delete(made.get(1));
    assertThat(deleted.id()).isEqualTo(made.get(1));
    assertThat(deleted.deleted()).isTrue();
    assertThatThrownBy(() -> own.videos().retrieve(made.get(1))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aJobWhoseSourceIsDeletedFailsWithAnError() throws Exception {
    Video source = waitFor(client, create("a red ball", "1", "32x32").id());
    Video busy = create("a long video that keeps the worker busy", "20", "32x32");
    Video remix = client.videos().remix(source.id(), VideoRemixParams.builder().prompt("a green ball").build());
    client.videos().delete(source.id());
    client.videos().delete(busy.id()); // stops it at its next step
    Video failed = waitFor(client, remix.id());
    assertThat(failed.status().asString()).isEqualTo("failed");
    assertThat(failed.error()).hasValueSatisfying(e -> assertThat(e.message()).contains("deleted"));
    assertThatThrownBy(() -> download(failed.id(), VideoDownloadContentParams.Variant.VIDEO))
        .isInstanceOf(com.openai.errors.NotFoundException.class);
  }

  @Test
  void refusesWrongKeys() {
    OpenAIClient wrong = client("sk-wrong");
    assertThatThrownBy(() -> wrong.videos().list()).isInstanceOf(UnauthorizedException.class);
  }

  @Test
  void listsTheModels() {
    assertThat(client.models().list().data()).extracting(m -> m.id()).containsExactly("sora-2", "sora-2-pro");
  }
}
