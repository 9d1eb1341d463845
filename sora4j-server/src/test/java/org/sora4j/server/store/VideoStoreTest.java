package org.sora4j.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.server.jobs.JobSpec;

class VideoStoreTest {
  @TempDir Path dir;

  @Test
  void aDatabaseFromBeforeCharactersIsUpgradedAndKeepsItsVideos() throws Exception {
    // the schema as it was before characters, with one finished video
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("videos.db"));
        Statement s = db.createStatement()) {
      s.execute("CREATE TABLE videos (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,"
          + " owner TEXT NOT NULL, model TEXT NOT NULL, prompt TEXT NOT NULL, seconds TEXT NOT NULL, size TEXT NOT NULL,"
          + " status TEXT NOT NULL, progress INTEGER NOT NULL, created_at INTEGER NOT NULL, completed_at INTEGER,"
          + " remixed_from TEXT, error_code TEXT, error_message TEXT, job TEXT NOT NULL, seed INTEGER NOT NULL)");
      s.execute("INSERT INTO videos (id, owner, model, prompt, seconds, size, status, progress, created_at, job, seed)"
          + " VALUES ('video_" + "a".repeat(32) + "', '', 'sora-2', 'Rex rolls', '4', '32x32', 'completed', 100, 1,"
          + " '{\"type\":\"generate\",\"withReference\":false}', 5)");
    }
    try (VideoStore store = new VideoStore(dir)) {
      VideoRow row = store.get("video_" + "a".repeat(32)).orElseThrow();
      assertThat(row.prompt()).isEqualTo("Rex rolls");
      assertThat(row.modelPrompt()).isEqualTo("Rex rolls");
      store.insertCharacter(new CharacterRow("char_" + "b".repeat(32), "", "Rex", "a small red ball", 2));
    }
    try (VideoStore store = new VideoStore(dir)) {
      assertThat(store.characters("")).extracting(CharacterRow::description).containsExactly("a small red ball");
    }
  }

  @Test
  void charactersBelongToTheirOwnerNewestFirst() throws Exception {
    try (VideoStore store = new VideoStore(dir)) {
      CharacterRow older = new CharacterRow("char_" + "1".repeat(32), "alice", "Rex", "a small red ball", 10);
      CharacterRow newer = new CharacterRow("char_" + "2".repeat(32), "alice", "Rex", "a large blue box", 11);
      CharacterRow bobs = new CharacterRow("char_" + "3".repeat(32), "bob", "Rex", "a small white triangle", 12);
      store.insertCharacter(older);
      store.insertCharacter(newer);
      store.insertCharacter(bobs);
      assertThat(store.characters("alice")).containsExactly(newer, older);
      assertThat(store.character(bobs.id(), "bob")).contains(bobs);
      assertThat(store.character(bobs.id(), "alice")).isEmpty();
    }
  }

  @Test
  void aPageCursorStillWorksAfterItsVideoIsDeleted() throws Exception {
    try (VideoStore store = new VideoStore(dir)) {
      for (int i = 1; i <= 5; i++) {
        store.insert(video(i, "alice"));
      }
      store.insert(video(6, "bob"));
      VideoStore.Page first = store.list("alice", null, 2, false);
      assertThat(first.rows()).extracting(VideoRow::id).containsExactly(id(1), id(2));
      // the loop an SDK user writes: delete what the page holds, then ask for the page after its last video
      for (VideoRow row : first.rows()) {
        assertThat(store.delete(row.id())).isTrue();
      }
      VideoStore.Page second = store.list("alice", id(2), 2, false);
      assertThat(second.rows()).extracting(VideoRow::id).containsExactly(id(3), id(4));
      assertThat(second.hasMore()).isTrue();
      assertThat(store.list("alice", id(2), 10, true).rows()).isEmpty();
      // another owner's deleted video marks no place for this one
      assertThat(store.delete(id(6))).isTrue();
      assertThat(store.list("alice", id(6), 10, false).rows()).isEmpty();
      assertThat(store.get(id(1))).isEmpty();
    }
  }

  private static String id(int i) {
    return "video_" + Integer.toString(i).repeat(32);
  }

  private static VideoRow video(int i, String owner) {
    return new VideoRow(id(i), owner, "sora-2", "a ball", null, "4", "32x32", VideoRow.COMPLETED, 100, i, (long) i,
        null, null, null, new JobSpec.Generate(false), i);
  }
}
