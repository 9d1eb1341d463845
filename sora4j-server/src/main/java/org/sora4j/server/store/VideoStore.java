package org.sora4j.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sora4j.server.jobs.JobSpec;

/**
 * The jobs and the characters, in SQLite ({@code DATA/videos.db}): the one source of truth for
 * status and progress, so a server that is killed and started again knows every video, every
 * unfinished job and every character.
 *
 * <p>One connection serves all threads, one statement at a time; the load is a few writes a second.
 */
public final class VideoStore implements AutoCloseable {
  private static final String COLUMNS = "id, owner, model, prompt, model_prompt, seconds, size, status, progress,"
      + " created_at, completed_at, remixed_from, error_code, error_message, job, seed";
  private static final String CHARACTER_COLUMNS = "id, owner, name, description, created_at";

  private final Connection db;
  private final ObjectMapper json = new ObjectMapper();

  /** A page of a list and whether more follow it. */
  public record Page(List<VideoRow> rows, boolean hasMore) {}

  public VideoStore(Path dataDir) throws SQLException {
    db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("videos.db").toAbsolutePath());
    try (Statement s = db.createStatement()) {
      // WAL: a crash mid-write leaves the last committed state, and reads do not block the worker's writes
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA busy_timeout=5000");
      s.execute("CREATE TABLE IF NOT EXISTS videos (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,"
          + " owner TEXT NOT NULL, model TEXT NOT NULL, prompt TEXT NOT NULL, model_prompt TEXT, seconds TEXT NOT NULL,"
          + " size TEXT NOT NULL, status TEXT NOT NULL, progress INTEGER NOT NULL, created_at INTEGER NOT NULL,"
          + " completed_at INTEGER, remixed_from TEXT, error_code TEXT, error_message TEXT, job TEXT NOT NULL,"
          + " seed INTEGER NOT NULL)");
      s.execute("CREATE INDEX IF NOT EXISTS videos_owner ON videos (owner, seq)");
      // where deleted videos stood in the list, so that a page cursor naming one still works
      s.execute("CREATE TABLE IF NOT EXISTS deleted_videos (id TEXT PRIMARY KEY, owner TEXT NOT NULL, seq INTEGER NOT NULL)");
      if (!hasColumn(s, "videos", "model_prompt")) {
        // a data folder from before characters: its rows have no model prompt and are read with their prompts
        s.execute("ALTER TABLE videos ADD COLUMN model_prompt TEXT");
      }
      s.execute("CREATE TABLE IF NOT EXISTS characters (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,"
          + " owner TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL, created_at INTEGER NOT NULL)");
      s.execute("CREATE INDEX IF NOT EXISTS characters_owner ON characters (owner, seq)");
    }
  }

  private static boolean hasColumn(Statement s, String table, String column) throws SQLException {
    try (ResultSet r = s.executeQuery("PRAGMA table_info(" + table + ")")) {
      while (r.next()) {
        if (r.getString("name").equals(column)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Adds a new job. */
  public synchronized void insert(VideoRow row) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("INSERT INTO videos (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      s.setString(1, row.id());
      s.setString(2, row.owner());
      s.setString(3, row.model());
      s.setString(4, row.prompt());
      s.setString(5, row.modelPrompt());
      s.setString(6, row.seconds());
      s.setString(7, row.size());
      s.setString(8, row.status());
      s.setInt(9, row.progress());
      s.setLong(10, row.createdAt());
      setLong(s, 11, row.completedAt());
      s.setString(12, row.remixedFrom());
      s.setString(13, row.errorCode());
      s.setString(14, row.errorMessage());
      s.setString(15, write(row.job()));
      s.setLong(16, row.seed());
      s.executeUpdate();
    }
  }

  /** The video, whoever owns it. */
  public synchronized Optional<VideoRow> get(String id) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("SELECT " + COLUMNS + " FROM videos WHERE id = ?")) {
      s.setString(1, id);
      List<VideoRow> rows = read(s);
      return rows.stream().findFirst();
    }
  }

  /** The video if {@code owner} owns it: another owner's video does not exist for them. */
  public Optional<VideoRow> get(String id, String owner) throws SQLException {
    return get(id).filter(row -> row.owner().equals(owner));
  }

  /**
   * A page of an owner's videos, newest first ({@code descending}) or oldest first, starting after
   * the video {@code after} (null: from the start). A deleted video still marks its place, as a
   * client that deletes what it pages through asks for the page after the one it just deleted.
   */
  public synchronized Page list(String owner, String after, int limit, boolean descending) throws SQLException {
    String order = descending ? "DESC" : "ASC";
    String cursor = after == null ? ""
        : " AND seq " + (descending ? "<" : ">") + " (SELECT seq FROM videos WHERE id = ? AND owner = ?"
            + " UNION ALL SELECT seq FROM deleted_videos WHERE id = ? AND owner = ?)";
    try (PreparedStatement s = db.prepareStatement("SELECT " + COLUMNS + " FROM videos WHERE owner = ?" + cursor
        + " ORDER BY seq " + order + " LIMIT ?")) {
      int i = 1;
      s.setString(i++, owner);
      if (after != null) {
        for (int k = 0; k < 2; k++) {
          s.setString(i++, after);
          s.setString(i++, owner);
        }
      }
      s.setInt(i, limit + 1);
      List<VideoRow> rows = read(s);
      boolean more = rows.size() > limit;
      return new Page(more ? rows.subList(0, limit) : rows, more);
    }
  }

  /** Jobs that have not finished, oldest first: what a starting server runs. */
  public synchronized List<VideoRow> unfinished() throws SQLException {
    try (PreparedStatement s = db.prepareStatement("SELECT " + COLUMNS + " FROM videos WHERE status IN ('queued', 'in_progress') ORDER BY seq")) {
      return read(s);
    }
  }

  /** Jobs waiting for a worker. */
  public synchronized int countQueued() throws SQLException {
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM videos WHERE status = 'queued'")) {
      return r.getInt(1);
    }
  }

  /** Sets status and progress of an unfinished job; false if the video is gone or finished. */
  public synchronized boolean progress(String id, String status, int progress) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("UPDATE videos SET status = ?, progress = ? WHERE id = ? AND status IN ('queued', 'in_progress')")) {
      s.setString(1, status);
      s.setInt(2, progress);
      s.setString(3, id);
      return s.executeUpdate() == 1;
    }
  }

  /** Marks a job completed (100 %) or failed, at {@code now}; false if the video is gone. */
  public synchronized boolean finish(String id, long now, String errorCode, String errorMessage) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("UPDATE videos SET status = ?, progress = ?, completed_at = ?,"
        + " error_code = ?, error_message = ? WHERE id = ?")) {
      boolean failed = errorCode != null;
      s.setString(1, failed ? VideoRow.FAILED : VideoRow.COMPLETED);
      s.setInt(2, 100);
      s.setLong(3, now);
      s.setString(4, errorCode);
      s.setString(5, errorMessage);
      s.setString(6, id);
      return s.executeUpdate() == 1;
    }
  }

  /** Deletes the row, keeping its place in the list for cursors; false if there was none. */
  public synchronized boolean delete(String id) throws SQLException {
    try (PreparedStatement mark = db.prepareStatement(
            "INSERT OR REPLACE INTO deleted_videos (id, owner, seq) SELECT id, owner, seq FROM videos WHERE id = ?");
        PreparedStatement s = db.prepareStatement("DELETE FROM videos WHERE id = ?")) {
      mark.setString(1, id);
      mark.executeUpdate();
      s.setString(1, id);
      return s.executeUpdate() == 1;
    }
  }

  /** Adds a new character. */
  public synchronized void insertCharacter(CharacterRow row) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("INSERT INTO characters (" + CHARACTER_COLUMNS
        + ") VALUES (?,?,?,?,?)")) {
      s.setString(1, row.id());
      s.setString(2, row.owner());
      s.setString(3, row.name());
      s.setString(4, row.description());
      s.setLong(5, row.createdAt());
      s.executeUpdate();
    }
  }

  /** The character if {@code owner} owns it: another owner's character does not exist for them. */
  public synchronized Optional<CharacterRow> character(String id, String owner) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("SELECT " + CHARACTER_COLUMNS
        + " FROM characters WHERE id = ? AND owner = ?")) {
      s.setString(1, id);
      s.setString(2, owner);
      return readCharacters(s).stream().findFirst();
    }
  }

  /** An owner's characters, newest first. */
  public synchronized List<CharacterRow> characters(String owner) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("SELECT " + CHARACTER_COLUMNS
        + " FROM characters WHERE owner = ? ORDER BY seq DESC")) {
      s.setString(1, owner);
      return readCharacters(s);
    }
  }

  @Override
  public synchronized void close() throws SQLException {
    db.close();
  }

  private List<VideoRow> read(PreparedStatement s) throws SQLException {
    List<VideoRow> rows = new ArrayList<>();
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        long completed = r.getLong("completed_at");
        Long completedAt = r.wasNull() ? null : completed;
        rows.add(new VideoRow(r.getString("id"), r.getString("owner"), r.getString("model"), r.getString("prompt"),
            r.getString("model_prompt"), r.getString("seconds"), r.getString("size"), r.getString("status"),
            r.getInt("progress"), r.getLong("created_at"), completedAt, r.getString("remixed_from"),
            r.getString("error_code"), r.getString("error_message"), parse(r.getString("job")), r.getLong("seed")));
      }
    }
    return rows;
  }

  private static List<CharacterRow> readCharacters(PreparedStatement s) throws SQLException {
    List<CharacterRow> rows = new ArrayList<>();
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        rows.add(new CharacterRow(r.getString("id"), r.getString("owner"), r.getString("name"), r.getString("description"),
            r.getLong("created_at")));
      }
    }
    return rows;
  }

  private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
    if (value == null) {
      s.setNull(index, Types.INTEGER);
    } else {
      s.setLong(index, value);
    }
  }

  private String write(JobSpec job) throws SQLException {
    try {
      return json.writerFor(JobSpec.class).writeValueAsString(job);
    } catch (JsonProcessingException e) {
      throw new SQLException("cannot store job " + job, e);
    }
  }

  private JobSpec parse(String text) throws SQLException {
    try {
      return json.readValue(text, JobSpec.class);
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable job " + text, e);
    }
  }
}
