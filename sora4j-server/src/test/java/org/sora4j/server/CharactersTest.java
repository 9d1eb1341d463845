package org.sora4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.NotFoundException;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateCharacterParams;
import com.openai.models.videos.VideoCreateCharacterResponse;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoExtendParams;
import com.openai.models.videos.VideoGetCharacterResponse;
import com.openai.models.videos.VideoRemixParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.server.api.VideoRoutes;
import org.sora4j.server.store.VideoRow;
import org.sora4j.server.store.VideoStore;

/**
 * Characters through the official openai-java client: made from a clip the world renders,
 * described by the world's judge, and used by name in the same key's prompts.
 */
@SuppressWarnings("deprecation")
class CharactersTest {
  static final String KEY = "sk-characters-one";
  static final String OTHER_KEY = "sk-characters-two";

  @TempDir static Path dir;
  static VideoServer server;
  static OpenAIClient client;
  static OpenAIClient other;
  static byte[] redBall;

  @BeforeAll
  static void start() throws Exception {
    ServerOptions options = TinyModels.write(dir, dir.resolve("data")).withApiKeys(List.of(KEY, OTHER_KEY));
    server = VideoServer.start(options);
    client = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey(KEY).maxRetries(0).build();
    other = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl()).apiKey(OTHER_KEY).maxRetries(0).build();
    redBall = WorldClips.redBall(dir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static VideoCreateCharacterResponse create(OpenAIClient c, String name) {
    return c.videos().createCharacter(VideoCreateCharacterParams.builder().name(name).video(redBall).build());
  }

  /** The job as stored, with the prompt its model was given. */
  private static VideoRow stored(String id) throws Exception {
    try (VideoStore store = new VideoStore(dir.resolve("data"))) {
      return store.get(id).orElseThrow();
    }
  }

  private static String description(String characterId, String key) throws Exception {
    Http.Reply reply = new Http(server.baseUrl(), key).get("/v1/videos/characters/" + characterId);
    assertThat(reply.status()).isEqualTo(200);
    return reply.raw().headers().firstValue(VideoRoutes.DESCRIPTION_HEADER).orElseThrow();
  }

  @Test
  void makesACharacterFromARenderedClipAndReadsItBack() throws Exception {
    long before = Instant.now().getEpochSecond();
    VideoCreateCharacterResponse made = create(client, "Rex");
    assertThat(made.id()).hasValueSatisfying(id -> assertThat(id).matches("char_[0-9a-f]{32}"));
    assertThat(made.name()).contains("Rex");
    assertThat(made.createdAt()).isBetween(before, Instant.now().getEpochSecond());

    VideoGetCharacterResponse read = client.videos().getCharacter(made.id().orElseThrow());
    assertThat(read.id()).isEqualTo(made.id());
    assertThat(read.name()).contains("Rex");
    assertThat(read.createdAt()).isEqualTo(made.createdAt());
    // the judge names the ball as it was rendered
    assertThat(description(made.id().orElseThrow(), KEY)).isEqualTo("a small red ball");
  }

  @Test
  void aPromptThatNamesACharacterGeneratesItsLooks() throws Exception {
    String description = description(create(client, "Pebble").id().orElseThrow(), KEY);
    Video video = client.videos().create(VideoCreateParams.builder().prompt("@Pebble bounces on the sand")
        .seconds(VideoSeconds.of("1")).size(VideoSize.of("32x32")).build());
    // the video keeps the prompt as written; the model was given the character's looks
    assertThat(video.prompt()).contains("@Pebble bounces on the sand");
    assertThat(stored(video.id()).modelPrompt()).isEqualTo(description + " bounces on the sand");
    Video done = VideosApiTest.waitFor(client, video.id());
    assertThat(done.status().asString()).isEqualTo("completed");

    Video remix = client.videos().remix(done.id(), VideoRemixParams.builder().prompt("pebble rolls to a stop").build());
    assertThat(remix.prompt()).contains("pebble rolls to a stop");
    assertThat(stored(remix.id()).modelPrompt()).isEqualTo(description + " rolls to a stop");
    assertThat(VideosApiTest.waitFor(client, remix.id()).status().asString()).isEqualTo("completed");

    Video extended = client.videos().extend(VideoExtendParams.builder().prompt("then PEBBLE rests")
        .seconds(VideoSeconds.of("1")).video(VideoExtendParams.Video.VideoReferenceInputParam.builder().id(done.id()).build()).build());
    assertThat(stored(extended.id()).modelPrompt()).isEqualTo("then " + description + " rests");
    assertThat(VideosApiTest.waitFor(client, extended.id()).status().asString()).isEqualTo("completed");
  }

  @Test
  void anotherKeyNeitherSeesNorUsesTheCharacter() throws Exception {
    String id = create(client, "Marble").id().orElseThrow();
    assertThatThrownBy(() -> other.videos().getCharacter(id)).isInstanceOf(NotFoundException.class);
    Video theirs = other.videos().create(VideoCreateParams.builder().prompt("@Marble rests")
        .seconds(VideoSeconds.of("1")).size(VideoSize.of("32x32")).build());
    assertThat(stored(theirs.id()).modelPrompt()).isEqualTo("@Marble rests");
    assertThatThrownBy(() -> client.videos().getCharacter("char_" + "0".repeat(32))).isInstanceOf(NotFoundException.class);
    VideosApiTest.waitFor(other, theirs.id());
  }
}
