package org.sora4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad request gets its 4xx in OpenAI's error shape, never a 500. */
class BadRequestsTest {
  static final String KEY = "sk-bad-requests";
  static final long MAX_UPLOAD = 64 * 1024;

  @TempDir static Path dir;
  static VideoServer server;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    ServerOptions options = TinyModels.write(dir, dir.resolve("data")).withApiKeys(List.of(KEY))
        .withLimits(1, 1, MAX_UPLOAD);
    server = VideoServer.start(options);
    http = new Http(server.baseUrl(), KEY);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void assertError(Http.Reply reply, int status, String param) {
    assertThat(reply.status()).as(new String(reply.raw().body(), StandardCharsets.UTF_8)).isEqualTo(status);
    assertThat(reply.json().path("error").path("message").asText()).isNotBlank();
    assertThat(reply.errorType()).isNotBlank();
    if (param != null) {
      assertThat(reply.errorParam()).isEqualTo(param);
    }
  }

  @Test
  void missingAndWrongKeysAre401() throws Exception {
    assertError(new Http(server.baseUrl(), null).get("/v1/videos"), 401, null);
    assertError(new Http(server.baseUrl(), null).get("/v1/models"), 401, null);
    assertThat(http.get("/v1/models").status()).isEqualTo(200);
    assertError(new Http(server.baseUrl(), "sk-nope").postJson("/v1/videos", "{\"prompt\":\"a ball\"}"), 401, null);
  }

  @Test
  void badParametersAre400NamingTheParameter() throws Exception {
    assertError(http.postJson("/v1/videos", "{\"prompt\":\"  \"}"), 400, "prompt");
    assertError(http.postJson("/v1/videos", "{}"), 400, "prompt");
    assertError(http.postJson("/v1/videos", "{\"prompt\":\"a ball\",\"model\":\"veo-3\"}"), 400, "model");
    assertError(http.postJson("/v1/videos", "{\"prompt\":\"a ball\",\"size\":\"big\"}"), 400, "size");
    assertError(http.postJson("/v1/videos", "{\"prompt\":\"a ball\",\"size\":\"8x8\"}"), 400, "size");
    assertError(http.postJson("/v1/videos", "{\"prompt\":\"a ball\",\"seconds\":\"-4\"}"), 400, "seconds");
    assertError(http.postJson("/v1/videos", "{\"prompt\":\"a ball\",\"seconds\":\"forever\"}"), 400, "seconds");
    assertError(http.postJson("/v1/videos", "{\"prompt\":\"a ball\",\"input_reference\":{\"image_url\":\"https://example.com/a.png\"}}"),
        400, "input_reference");
    assertError(http.postJson("/v1/videos", "{\"prompt\":\"a ball\",\"input_reference\":\"data:image/png;base64,AAAA\"}"),
        400, "input_reference");
    // a file id names nothing here (no Files API); 400, since the SDKs would retry a 5xx
    assertError(http.postJson("/v1/videos", "{\"prompt\":\"a ball\",\"input_reference\":{\"file_id\":\"file_1\"}}"),
        400, "input_reference");
    assertError(http.postJson("/v1/videos", "not json"), 400, null);
    assertError(http.get("/v1/videos?limit=0"), 400, "limit");
    assertError(http.get("/v1/videos?order=sideways"), 400, "order");
  }

  @Test
  void malformedMultipartIs400() throws Exception {
    Http.Reply reply = http.post("/v1/videos", "multipart/form-data; boundary=XYZ",
        "--XYZ\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nunterminated".getBytes(StandardCharsets.UTF_8));
    assertError(reply, 400, null);
    byte[] notAnImage = Http.multipart("B", new String[][] {{"prompt", "a ball"}}, "input_reference", "x.png", new byte[100]);
    assertError(http.post("/v1/videos", "multipart/form-data; boundary=B", notAnImage), 400, "input_reference");
  }

  @Test
  void aVideoSentAsJsonInAFormIsReadEvenPrettyPrinted() throws Exception {
    String unknown = "video_" + "0".repeat(32);
    Http.Reply pretty = http.post("/v1/videos/edits", "multipart/form-data; boundary=B",
        Http.multipart("B", new String[][] {{"prompt", "a ball"}, {"video", "{\n  \"id\": \"" + unknown + "\"\n}"}}, null, null, null));
    assertError(pretty, 404, null);
    assertThat(pretty.json().path("error").path("message").asText()).contains("'" + unknown + "'");
    assertError(http.post("/v1/videos/edits", "multipart/form-data; boundary=B",
        Http.multipart("B", new String[][] {{"prompt", "a ball"}, {"video", "{\"name\": \"x\"}"}}, null, null, null)), 400, "video");
    assertError(http.post("/v1/videos/edits", "multipart/form-data; boundary=B",
        Http.multipart("B", new String[][] {{"prompt", "a ball"}, {"video", "{oops"}}, null, null, null)), 400, "video");
  }

  @Test
  void promptsUpToOpenAisLimitAreTakenAndLongerOnesRefused() throws Exception {
    assertError(http.postJson("/v1/videos", "{\"prompt\":\"" + "a".repeat(32_001) + "\"}"), 400, "prompt");
    Http.Reply taken = http.postJson("/v1/videos", "{\"prompt\":\"a red ball " + "b".repeat(8_000) + "\",\"seconds\":\"1\",\"size\":\"32x32\"}");
    assertThat(taken.status()).as(new String(taken.raw().body(), StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(http.delete("/v1/videos/" + taken.json().path("id").asText()).json().path("deleted").asBoolean()).isTrue();
  }

  @Test
  void oversizedUploadIs413() throws Exception {
    byte[] big = Http.multipart("B", new String[][] {{"prompt", "a ball"}}, "input_reference", "big.png",
        new byte[(int) MAX_UPLOAD * 2]);
    assertError(http.post("/v1/videos", "multipart/form-data; boundary=B", big), 413, null);
    assertError(http.postJson("/v1/videos", "{\"prompt\":\"" + "a".repeat((int) MAX_UPLOAD) + "\"}"), 413, null);
  }

  @Test
  void unknownIdsAndUnfinishedContentAre404AndAFullQueueIs429() throws Exception {
    assertError(http.get("/v1/videos/video_00000000000000000000000000000000"), 404, null);
    assertError(http.get("/v1/videos/..%2F..%2Fetc%2Fpasswd/content"), 404, null);
    assertError(http.get("/v1/nothing-here"), 404, null);

    // long jobs: the first is still running when the next requests arrive; the queue takes one more
    List<String> made = new ArrayList<>();
    boolean refused = false;
    for (int i = 0; i < 3; i++) {
      Http.Reply reply = http.postJson("/v1/videos", "{\"prompt\":\"a ball\",\"seconds\":\"20\",\"size\":\"32x32\"}");
      if (reply.status() == 429) {
        refused = true;
        assertThat(reply.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(reply.errorType()).isEqualTo("rate_limit_error");
      } else {
        assertThat(reply.status()).isEqualTo(200);
        made.add(reply.json().path("id").asText());
      }
    }
    assertThat(refused).isTrue();
    String id = made.get(0);
    // OpenAI answers content that is not ready with 404; a remix of it with a 409 the SDKs should not retry
    Http.Reply notReady = http.get("/v1/videos/" + id + "/content");
    assertError(notReady, 404, null);
    assertThat(notReady.json().path("error").path("code").asText()).isEqualTo("video_not_ready");
    assertError(http.get("/v1/videos/" + id + "/content?variant=poster"), 400, "variant");
    Http.Reply busy = http.post("/v1/videos/" + id + "/remix", "application/json", "{\"prompt\":\"x\"}".getBytes(StandardCharsets.UTF_8));
    assertError(busy, 409, null);
    assertThat(busy.raw().headers().firstValue("x-should-retry")).contains("false");
    for (String m : made) {
      assertThat(http.delete("/v1/videos/" + m).json().path("deleted").asBoolean()).isTrue();
    }
  }

  private static Http.Reply character(String name, String fileName, byte[] file) throws Exception {
    String[][] fields = name == null ? new String[0][] : new String[][] {{"name", name}};
    byte[] body = Http.multipart("B", fields, "video", fileName, file);
    return http.post("/v1/videos/characters", "multipart/form-data; boundary=B", body);
  }

  @Test
  void badCharactersAre400NamingTheParameter() throws Exception {
    byte[] clip = WorldClips.redBall(dir);
    assertError(http.postJson("/v1/videos/characters", "{}"), 400, "name");
    assertError(character(null, "ball.mp4", clip), 400, "name");
    assertError(character("   ", "ball.mp4", clip), 400, "name");
    assertError(character("R".repeat(81), "ball.mp4", clip), 400, "name");
    for (String name : List.of("Rex!", "../etc/passwd", "Rex\\d+", "@Rex", "__", "Rex;DROP TABLE characters")) {
      assertError(character(name, "ball.mp4", clip), 400, "name");
    }
    assertError(http.postJson("/v1/videos/characters", "{\"name\":\"Rex\"}"), 400, "video");
    assertError(character("Rex", null, null), 400, "video");
    assertError(character("Rex", "notes.txt", clip), 400, "video");
    assertError(character("Rex", "broken.mp4", new byte[2000]), 400, "video");
    ByteArrayOutputStream tiny = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", tiny);
    assertError(character("Rex", "tiny.png", tiny.toByteArray()), 400, "video");

    Http.Reply empty = character("Rex", "sand.png", WorldClips.emptySand());
    assertError(empty, 400, "video");
    assertThat(empty.json().path("error").path("message").asText()).contains("judge found no subject");

    // a name of 80 letters, digits, spaces, '_' and '-' is fine
    Http.Reply made = character(" Big Rex_2-" + "x".repeat(69) + " ", "ball.mp4", clip);
    assertThat(made.status()).isEqualTo(200);
    assertThat(made.json().path("name").asText()).isEqualTo("Big Rex_2-" + "x".repeat(69));
  }

  @Test
  void oversizedCharacterClipsAre413AndUnknownCharactersAre404() throws Exception {
    assertError(character("Rex", "big.mp4", new byte[(int) MAX_UPLOAD * 2]), 413, null);
    assertError(http.get("/v1/videos/characters/char_00000000000000000000000000000000"), 404, null);
    assertError(http.get("/v1/videos/characters/char_123"), 404, null);
    assertError(http.get("/v1/videos/characters/..%2F..%2Fvideos.db"), 404, null);
  }
}
