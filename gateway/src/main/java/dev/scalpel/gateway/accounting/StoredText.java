package dev.scalpel.gateway.accounting;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Erases the user text the request log keeps (the last user turn and, for hand-offs, the
 * conversation, and the review queue's copy of it), leaving the accounting facts of each row: on
 * demand for a data-subject request ({@code scalpel forget}), and by age for retention. Erased text
 * is overwritten in the database file ({@code secure_delete}), not only unlinked. Safe to use
 * beside a running gateway.
 */
public final class StoredText {
  private static final String HAS_TEXT = "(request_text IS NOT NULL OR conversation IS NOT NULL)";
  private static final String ERASE =
      "UPDATE request_log SET request_text = NULL, conversation = NULL";

  private final Path file;
  private final RequestLogOptions options;

  private StoredText(Path file, RequestLogOptions options) {
    this.file = file;
    this.options = options;
  }

  /** The stored text of {@code dataDir}'s request log (creating and migrating it if needed). */
  public static StoredText open(Path dataDir) {
    Path file = RequestLog.databaseFile(dataDir).toAbsolutePath();
    RequestLogOptions options = RequestLogOptions.defaults();
    SqliteDatabase.prepare(file, options);
    return new StoredText(file, options);
  }

  /** Erases the text of request {@code id}; returns how many rows held text (0 or 1). */
  public int forgetRequest(String id) {
    return erase(" WHERE id = ? AND " + HAS_TEXT, id);
  }

  /** Erases the text of every request made with the API key named {@code keyName}. */
  public int forgetKey(String keyName) {
    return erase(" WHERE api_key_id = ? AND " + HAS_TEXT, keyName);
  }

  /**
   * Erases the text of every request whose stored text contains {@code text}, ignoring case (for
   * example a customer's e-mail address, when the operator stores raw text).
   */
  public int forgetMatching(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("the text to match must not be blank");
    }
    String needle = text.toLowerCase(java.util.Locale.ROOT);
    return erase(
        " WHERE instr(lower(coalesce(request_text, '')), ?) > 0"
            + " OR instr(lower(coalesce(conversation, '')), ?) > 0",
        needle,
        needle);
  }

  /** Erases the text of every request that arrived before {@code cutoff} (retention). */
  public int expire(Instant cutoff) {
    return erase(" WHERE time_ms < ? AND " + HAS_TEXT, cutoff.toEpochMilli());
  }

  private static void bind(PreparedStatement s, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      s.setObject(i + 1, args[i]);
    }
  }

  private int erase(String where, Object... args) {
    try (Connection c = SqliteDatabase.connectWriter(file, options)) {
      SqliteDatabase.pragma(c, "secure_delete = ON");
      // The review queue keeps a copy of the text of each item it decided on: it goes too.
      try (PreparedStatement select =
              c.prepareStatement("SELECT request_text FROM request_log" + where);
          PreparedStatement delete =
              c.prepareStatement("DELETE FROM review_label WHERE text_key = ?")) {
        bind(select, args);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            if (rs.getString(1) != null) {
              delete.setString(1, TextKey.of(rs.getString(1)));
              delete.executeUpdate();
            }
          }
        }
      }
      int erased;
      try (PreparedStatement s = c.prepareStatement(ERASE + where)) {
        bind(s, args);
        erased = s.executeUpdate();
      }
      c.commit();
      // Copy the overwritten pages back into the database file so that the WAL stops holding
      // the old text; a running gateway may keep it busy, in which case its next checkpoint does.
      c.setAutoCommit(true);
      SqliteDatabase.pragma(c, "wal_checkpoint(TRUNCATE)");
      return erased;
    } catch (SQLException e) {
      throw new RequestLogException(
          file + ": cannot erase stored text (" + e.getMessage() + ")", e);
    }
  }
}
