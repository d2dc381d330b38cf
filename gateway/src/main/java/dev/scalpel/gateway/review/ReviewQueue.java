package dev.scalpel.gateway.review;

import dev.scalpel.gateway.accounting.RequestLog;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * The review queue: the requests the gateway answered by escalating them to a generalist or by
 * handing them off (which covers abstentions, out-of-scope texts and labels without a local
 * action), grouped by normalized text, with counts, the specialist's proposed label and what a
 * teacher or a person decided. It reads the request log's database ({@code <dataDir>/scalpel.db});
 * decisions live in its {@code review_label} table, keyed by the normalized text. Texts are as the
 * request log stored them: redacted unless the gateway was told to store raw text.
 *
 * <pre>{@code
 * ReviewQueue queue = ReviewQueue.open(dataDir);
 * for (ReviewItem item : queue.list(false, 50)) { ... }
 * queue.label("3f2a9c01bd", "cancel_order", "dana", "");
 * List<LabeledExample> labeled = queue.labeledExamples(Instant.EPOCH);
 * }</pre>
 *
 * Safe to use while a gateway writes to the same database.
 */
public final class ReviewQueue {
  static final String OPEN = "open";
  static final String PROPOSED = "proposed";
  static final String LABELED = "labeled";
  static final String SKIPPED = "skipped";

  /** The API key id of the teacher's own calls, whose rows are accounting, not review items. */
  public static final String TEACHER_KEY_ID = "review-teacher";

  private static final int BUSY_TIMEOUT_MS = 5_000;

  private static final String REQUESTS =
      "SELECT time_ms, specialist, label, confidence, reason, request_text FROM request_log"
          + " WHERE status = 200 AND route IN ('escalated', 'handoff')"
          + " AND request_text IS NOT NULL AND (api_key_id IS NULL OR api_key_id <> ?)"
          + " ORDER BY time_ms, id";

  private static final String DECISIONS =
      "SELECT text_key, status, label, source, teacher_label, teacher_model, person_label,"
          + " decided_by, note, time_ms FROM review_label";

  private final Path file;
  private final Clock clock;

  private ReviewQueue(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  /**
   * Opens the queue of {@code dataDir} (creating and migrating the database if needed).
   *
   * @throws dev.scalpel.gateway.accounting.RequestLogException naming the file when it cannot be
   *     opened or migrated
   */
  public static ReviewQueue open(Path dataDir) {
    return open(dataDir, Clock.systemUTC());
  }

  /** The same, with another clock for decision times. */
  public static ReviewQueue open(Path dataDir, Clock clock) {
    // Opening the log migrates the schema, review_label included.
    try (RequestLog log = RequestLog.open(dataDir)) {
      return new ReviewQueue(log.file().toAbsolutePath(), clock);
    }
  }

  /**
   * Review items, most frequent first (then most recent), at most {@code limit}: those nobody
   * labeled or skipped yet, or all of them when {@code includeDone}.
   */
  public List<ReviewItem> list(boolean includeDone, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, found " + limit);
    }
    return items().stream().filter(i -> includeDone || !i.done()).limit(limit).toList();
  }

  /** The item whose id (as listed) or normalized text is {@code idOrText}. */
  public Optional<ReviewItem> find(String idOrText) {
    String key = ReviewLabels.normalize(idOrText);
    return items().stream().filter(i -> i.id().equals(idOrText) || i.key().equals(key)).findFirst();
  }

  /**
   * Records a person's label for item {@code id}: a label name, {@code oos} (out of scope) or
   * {@code new:<name>}; its source is {@code both} when it is the teacher's label, else {@code
   * person}. Labeling again replaces the label. Returns the item as it now is.
   *
   * @throws ReviewException when there is no such item or the label is not well formed
   */
  public ReviewItem label(String id, String label, String by, String note) {
    ReviewItem item = require(id);
    String canonical =
        ReviewLabels.canonical(label)
            .orElseThrow(() ->
                new ReviewException(
                    "'"
                        + label
                        + "' is not a label (expected a label name, oos, or new:<name>; names are"
                        + " letters, digits, '_', '.' and '-')"));
    String source = canonical.equals(item.teacherLabel()) ? "both" : "person";
    write(
        "INSERT INTO review_label (text_key, item_id, text, status, label, source, person_label,"
            + " decided_by, note, time_ms) VALUES (?, ?, ?, 'labeled', ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (text_key) DO UPDATE SET text = excluded.text, status = 'labeled',"
            + " label = excluded.label, source = excluded.source,"
            + " person_label = excluded.person_label, decided_by = excluded.decided_by,"
            + " note = excluded.note, time_ms = excluded.time_ms",
        item,
        canonical,
        source,
        canonical,
        by,
        note.isEmpty() ? null : note,
        clock.instant().toEpochMilli());
    return require(id);
  }

  /**
   * Marks item {@code id} as not worth a label; it leaves the default list.
   *
   * @throws ReviewException when there is no such item
   */
  public ReviewItem skip(String id, String by, String note) {
    ReviewItem item = require(id);
    write(
        "INSERT INTO review_label (text_key, item_id, text, status, decided_by, note, time_ms)"
            + " VALUES (?, ?, ?, 'skipped', ?, ?, ?)"
            + " ON CONFLICT (text_key) DO UPDATE SET status = 'skipped',"
            + " decided_by = excluded.decided_by, note = excluded.note, time_ms = excluded.time_ms",
        item,
        by,
        note.isEmpty() ? null : note,
        clock.instant().toEpochMilli());
    return require(id);
  }

  /**
   * Records a teacher's label (already canonical: a label of the set, {@code oos} or {@code
   * new:<name>}) for {@code item} and the model that gave it. An item nobody decided becomes {@code
   * proposed} with the teacher's label; a person's decision is kept.
   */
  public void recordTeacher(ReviewItem item, String label, String model) {
    long now = clock.instant().toEpochMilli();
    write(
        "INSERT INTO review_label (text_key, item_id, text, status, label, source, teacher_label,"
            + " teacher_model, teacher_ms, time_ms) VALUES (?, ?, ?, 'proposed', ?, 'teacher', ?,"
            + " ?, ?, ?) ON CONFLICT (text_key) DO UPDATE SET"
            + " teacher_label = excluded.teacher_label, teacher_model = excluded.teacher_model,"
            + " teacher_ms = excluded.teacher_ms,"
            + " label = CASE WHEN status = 'proposed' THEN excluded.label ELSE label END,"
            + " time_ms = CASE WHEN status = 'proposed' THEN excluded.time_ms ELSE time_ms END",
        item,
        label,
        label,
        model,
        now,
        now);
  }

  /**
   * The texts a person labeled (alone or agreeing with the teacher) at or after {@code since},
   * oldest decision first: what a dataset version is made of.
   */
  public List<LabeledExample> labeledExamples(Instant since) {
    String sql =
        "SELECT text, label, source, time_ms FROM review_label WHERE status = 'labeled'"
            + " AND time_ms >= ? ORDER BY time_ms, text_key";
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, since.toEpochMilli());
      List<LabeledExample> examples = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          examples.add(
              new LabeledExample(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  Instant.ofEpochMilli(rs.getLong(4))));
        }
      }
      return examples;
    } catch (SQLException e) {
      throw failure("read", e);
    }
  }

  private ReviewItem require(String id) {
    return find(id)
        .orElseThrow(() ->
            new ReviewException(
                "no review item '" + id + "' (see `scalpel review list --all` for the ids)"));
  }

  /** Every item, most frequent first. */
  private List<ReviewItem> items() {
    Map<String, Group> groups = new LinkedHashMap<>();
    Map<String, Decision> decisions = new HashMap<>();
    try (Connection c = connect()) {
      try (PreparedStatement s = c.prepareStatement(REQUESTS)) {
        s.setString(1, TEACHER_KEY_ID);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            String text = rs.getString(6);
            String key = ReviewLabels.normalize(text);
            if (!key.isEmpty()) {
              groups.computeIfAbsent(key, k -> new Group()).add(rs, text);
            }
          }
        }
      }
      try (PreparedStatement s = c.prepareStatement(DECISIONS);
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          decisions.put(rs.getString(1), Decision.read(rs));
        }
      }
    } catch (SQLException e) {
      throw failure("read", e);
    }
    List<ReviewItem> items = new ArrayList<>(groups.size());
    groups.forEach((key, g) -> items.add(g.item(key, decisions.get(key))));
    items.sort(
        Comparator.comparingLong(ReviewItem::count)
            .reversed()
            .thenComparing(ReviewItem::lastSeen, Comparator.reverseOrder())
            .thenComparing(ReviewItem::id));
    return items;
  }

  private void write(String sql, ReviewItem item, Object... values) {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, item.key());
      s.setString(2, item.id());
      s.setString(3, item.text());
      for (int i = 0; i < values.length; i++) {
        s.setObject(4 + i, values[i]);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw failure("write", e);
    }
  }

  private Connection connect() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    return config.createConnection("jdbc:sqlite:" + file);
  }

  private ReviewException failure(String what, SQLException e) {
    return new ReviewException(
        file + ": cannot " + what + " the review queue (" + e.getMessage() + ")");
  }

  /** The requests of one normalized text, read oldest first. */
  private static final class Group {
    private long count;
    private long firstMs;
    private long lastMs;
    private String text = "";
    private String specialist;
    private String label;
    private Double confidence;
    private final Set<String> reasons = new LinkedHashSet<>();

    void add(ResultSet rs, String requestText) throws SQLException {
      long time = rs.getLong(1);
      if (count == 0) {
        firstMs = time;
      }
      count++;
      lastMs = time;
      text = requestText;
      specialist = rs.getString(2);
      label = rs.getString(3);
      double c = rs.getDouble(4);
      confidence = rs.wasNull() ? null : c;
      String reason = rs.getString(5);
      if (reason != null) {
        reasons.remove(reason);
        reasons.add(reason);
      }
    }

    ReviewItem item(String key, Decision d) {
      List<String> newestFirst = new ArrayList<>(reasons).reversed();
      return new ReviewItem(
          ReviewLabels.idOf(key),
          key,
          text,
          count,
          Instant.ofEpochMilli(firstMs),
          Instant.ofEpochMilli(lastMs),
          specialist,
          label,
          confidence,
          newestFirst,
          d == null ? OPEN : d.status,
          d == null ? null : d.label,
          d == null ? null : d.source,
          d == null ? null : d.teacherLabel,
          d == null ? null : d.teacherModel,
          d == null ? null : d.personLabel,
          d == null ? null : d.decidedBy,
          d == null ? null : d.note,
          d == null ? null : d.time);
    }
  }

  /** A row of review_label. */
  private record Decision(
      String status,
      String label,
      String source,
      String teacherLabel,
      String teacherModel,
      String personLabel,
      String decidedBy,
      String note,
      Instant time) {
    static Decision read(ResultSet rs) throws SQLException {
      return new Decision(
          rs.getString(2),
          rs.getString(3),
          rs.getString(4),
          rs.getString(5),
          rs.getString(6),
          rs.getString(7),
          rs.getString(8),
          rs.getString(9),
          Instant.ofEpochMilli(rs.getLong(10)));
    }
  }
}
