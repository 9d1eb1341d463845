package org.sora4j.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
