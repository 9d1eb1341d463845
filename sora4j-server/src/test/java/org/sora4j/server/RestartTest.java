package org.sora4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.server.store.VideoStore;

/**
 * A server stopped in the middle of a job loses nothing: the next one on the same data folder
 * finishes it, and knows every character.
 */
class RestartTest {
  @TempDir Path dir;

  @Test
  void aJobInterruptedByAStopCompletesAfterTheRestart() throws Exception {
    ServerOptions options = TinyModels.write(dir, dir.resolve("data"));
    String done;
    String running;
    String waiting;
    try (VideoServer first = VideoServer.start(options)) {
      assertThat(first.baseUrl()).as("no keys: loopback only").startsWith("http://127.0.0.1:");
      Http http = new Http(first.baseUrl(), "any key works without keys");
      done = http.postJson("/v1/videos", "{\"prompt\":\"a red ball\",\"seconds\":\"1\",\"size\":\"32x32\"}").json().path("id").asText();
      until(http, done, "completed", 0);
      running = http.postJson("/v1/videos", "{\"prompt\":\"a red ball\",\"seconds\":\"12\",\"size\":\"32x32\"}").json().path("id").asText();
      waiting = http.postJson("/v1/videos", "{\"prompt\":\"a blue box\",\"seconds\":\"1\",\"size\":\"32x32\"}").json().path("id").asText();
      JsonNode midway = until(http, running, "in_progress", 1);
      assertThat(midway.path("progress").asInt()).isBetween(1, 99);
    }
    try (VideoServer second = VideoServer.start(options)) {
      Http http = new Http(second.baseUrl(), null);
      assertThat(http.get("/v1/videos/" + done).json().path("status").asText()).isEqualTo("completed");
      assertThat(until(http, running, "completed", 0).path("seconds").asText()).isEqualTo("12");
      until(http, waiting, "completed", 0);
      Http.Reply content = http.get("/v1/videos/" + running + "/content");
      assertThat(content.status()).isEqualTo(200);
      assertThat(content.raw().headers().firstValue("Content-Type")).contains("video/mp4");
      assertThat(http.get("/v1/videos?limit=10").json().path("data")).hasSize(3);
    }
  }

  @Test
  void aCharacterOutlivesARestart() throws Exception {
    ServerOptions options = TinyModels.write(dir, dir.resolve("data"));
    byte[] clip = WorldClips.redBall(dir);
    String id;
    try (VideoServer first = VideoServer.start(options)) {
      Http http = new Http(first.baseUrl(), null);
      Http.Reply made = http.post("/v1/videos/characters", "multipart/form-data; boundary=B",
          Http.multipart("B", new String[][] {{"name", "Rex"}}, "video", "rex.mp4", clip));
      assertThat(made.status()).isEqualTo(200);
      id = made.json().path("id").asText();
    }
    assertThat(dir.resolve("data").resolve("characters").resolve(id + ".mp4")).hasBinaryContent(clip);
    try (VideoServer second = VideoServer.start(options)) {
      Http http = new Http(second.baseUrl(), null);
      Http.Reply read = http.get("/v1/videos/characters/" + id);
      assertThat(read.status()).isEqualTo(200);
      assertThat(read.json().path("name").asText()).isEqualTo("Rex");
      String video = http.postJson("/v1/videos", "{\"prompt\":\"@Rex rests\",\"seconds\":\"1\",\"size\":\"32x32\"}")
          .json().path("id").asText();
      until(http, video, "completed", 0);
      try (VideoStore store = new VideoStore(dir.resolve("data"))) {
        assertThat(store.get(video).orElseThrow().modelPrompt()).isEqualTo("a small red ball rests");
      }
    }
  }

  /** Polls until the video has the status (and at least {@code minProgress}), for up to a minute. */
  private static JsonNode until(Http http, String id, String status, int minProgress) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      JsonNode video = http.get("/v1/videos/" + id).json();
      if (video.path("status").asText().equals(status) && video.path("progress").asInt() >= minProgress) {
        return video;
      }
      assertThat(video.path("status").asText()).isNotEqualTo("failed");
      Thread.sleep(20);
    }
    throw new AssertionError(id + " never reached " + status);
  }
}
