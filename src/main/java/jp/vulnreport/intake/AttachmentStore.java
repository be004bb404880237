package jp.vulnreport.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import jp.vulnreport.cases.CaseNotFoundException;
import jp.vulnreport.cases.CaseRegister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Attachments of reports. A file is first staged (checked and written under {@code staging/} while
 * the discoverer confirms the report), then moved to {@code cases/<tracking number>/<id>} when the
 * report is submitted. Stored names carry no extension and the directory is outside the web root;
 * staff get the files as downloads only.
 */
@Service
public class AttachmentStore {

  /** What is shown of a file: its name as given, its type and size. */
  public interface FileInfo {
    String fileName();

    String mediaType();

    long sizeBytes();

    default String humanSize() {
      return AttachmentStore.humanSize(sizeBytes());
    }
  }

  /** A checked file waiting for its report to be submitted. */
  public record Staged(String id, String fileName, String mediaType, long sizeBytes, String sha256)
      implements FileInfo, java.io.Serializable {}

  /** A stored attachment as staff see it. */
  public record StoredAttachment(String id, String trackingNumber, String fileName, String mediaType,
      long sizeBytes, String sha256, OffsetDateTime storedAt, OffsetDateTime erasedAt) implements FileInfo {}

  private static final Logger LOG = LoggerFactory.getLogger(AttachmentStore.class);
  private static final int SNIFF_BYTES = 64 * 1024;
  private static final String UNKNOWN_ADDRESS = "unknown";

  /** Who staged what on this node: staged file id to client address and size. */
  private record StagedBy(String address, long size) {}

  private final java.util.Map<String, StagedBy> stagedBy = new java.util.concurrent.ConcurrentHashMap<>();

  private final AttachmentProperties properties;
  private final JdbcTemplate jdbc;
  private final CaseRegister register;
  private final MessageSource messages;

  public AttachmentStore(AttachmentProperties properties, JdbcTemplate jdbc, CaseRegister register,
      MessageSource messages) {
    this.properties = properties;
    this.jdbc = jdbc;
    this.register = register;
    this.messages = messages;
  }

  public AttachmentProperties limits() {
    return properties;
  }

  /**
   * Checks and stages one uploaded file. {@code alreadyStaged} are the report's other files (for
   * the count and total size limits). Throws {@link ReportValidationException} on field
   * {@code attachments} with a message in the request's language.
   */
  public Staged stage(String originalName, InputStream content, List<Staged> alreadyStaged) {
    return stage(originalName, content, alreadyStaged, UNKNOWN_ADDRESS);
  }

  /**
   * Checks and stages one uploaded file sent from {@code clientAddress}. Besides the limits per
   * report, the files staged (waiting for their reports to be submitted) are bounded per client
   * address ({@code vulnreport.attachments.max-staged-per-address}, counted on this node, like the
   * rate limits) and in all ({@code max-staged-total}, counted on the staging directory, which
   * several nodes share).
   */
  public Staged stage(String originalName, InputStream content, List<Staged> alreadyStaged, String clientAddress) {
    if (originalName != null && TextRules.check(originalName, false) != null) {
      throw invalid("vulnreport.attachment.name-invalid", cleanName(originalName));
    }
    String name = cleanName(originalName);
    if (name.isEmpty()) {
      throw invalid("vulnreport.attachment.name", originalName);
    }
    if (alreadyStaged.size() >= properties.maxFiles()) {
      throw invalid("vulnreport.attachment.count", properties.maxFiles());
    }
    AttachmentType type = AttachmentType.byName(name).orElseThrow(() -> invalid("vulnreport.attachment.type", name));
    String address = clientAddress == null ? UNKNOWN_ADDRESS : clientAddress;
    String id = UUID.randomUUID().toString();
    Path target = stagingDir().resolve(id);
    long maxFile = properties.maxFileSize().toBytes();
    long reportRoom = properties.maxTotalSize().toBytes()
        - alreadyStaged.stream().mapToLong(Staged::sizeBytes).sum();
    long addressRoom = properties.maxStagedPerAddress().toBytes() - stagedBy(address);
    long overallRoom = properties.maxStagedTotal().toBytes() - stagedOnDisk();
    if (addressRoom <= 0) {
      throw invalid("vulnreport.attachment.address-quota", humanSize(properties.maxStagedPerAddress().toBytes()));
    }
    if (overallRoom <= 0) {
      throw invalid("vulnreport.attachment.staging-full");
    }
    long room = Math.min(Math.min(maxFile, reportRoom), Math.min(addressRoom, overallRoom));
    try {
      Files.createDirectories(target.getParent());
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] head;
      long size;
      try (InputStream in = new DigestInputStream(content, sha); OutputStream out = Files.newOutputStream(target)) {
        head = in.readNBytes((int) Math.min(SNIFF_BYTES, Math.max(room + 1, 1)));
        out.write(head);
        size = head.length + copyLimited(in, out, room - head.length + 1);
      }
      if (size > maxFile) {
        throw invalid("vulnreport.attachment.size", name, humanSize(maxFile));
      }
      if (size > reportRoom) {
        throw invalid("vulnreport.attachment.total", humanSize(properties.maxTotalSize().toBytes()));
      }
      if (size > addressRoom) {
        throw invalid("vulnreport.attachment.address-quota", humanSize(properties.maxStagedPerAddress().toBytes()));
      }
      if (size > overallRoom) {
        throw invalid("vulnreport.attachment.staging-full");
      }
      if (size == 0) {
        throw invalid("vulnreport.attachment.empty", name);
      }
      if (!type.matches(head, size == head.length)) {
        throw invalid("vulnreport.attachment.content", name);
      }
      synchronized (stagedBy) {
        // checked again with the files others staged meanwhile (this one is on disk already)
        if (stagedBy(address) + size > properties.maxStagedPerAddress().toBytes()) {
          throw invalid("vulnreport.attachment.address-quota", humanSize(properties.maxStagedPerAddress().toBytes()));
        }
        if (stagedOnDisk() > properties.maxStagedTotal().toBytes()) {
          throw invalid("vulnreport.attachment.staging-full");
        }
        stagedBy.put(id, new StagedBy(address, size));
      }
      return new Staged(id, name, type.mediaType(), size, HexFormat.of().formatHex(sha.digest()));
    } catch (ReportValidationException e) {
      deleteQuietly(target);
      throw e;
    } catch (IOException e) {
      deleteQuietly(target);
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Bytes staged on this node from {@code address}. */
  private long stagedBy(String address) {
    return stagedBy.values().stream().filter(s -> s.address().equals(address)).mapToLong(StagedBy::size).sum();
  }

  /** Bytes in the staging directory (all nodes' staged files). */
  private long stagedOnDisk() {
    Path dir = stagingDir();
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.mapToLong(p -> {
        try {
          return Files.isRegularFile(p) ? Files.size(p) : 0;
        } catch (IOException e) {
          return 0; // removed meanwhile
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Drops staged files the discoverer removed or abandoned. */
  public void discard(List<Staged> staged) {
    staged.forEach(s -> {
      deleteQuietly(stagingDir().resolve(s.id()));
      stagedBy.remove(s.id());
    });
  }

  /**
   * Moves staged files to the case and records them, in the caller's transaction: if it rolls back,
   * the moved files go back to staging, so that the discoverer's report can be submitted again with
   * them (nothing a discoverer sends is lost).
   */
  @Transactional
  public List<StoredAttachment> attach(String trackingNumber, List<Staged> staged) {
    List<Path> moved = new ArrayList<>();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          if (status == STATUS_COMMITTED) {
            staged.forEach(s -> stagedBy.remove(s.id()));
          } else {
            moved.forEach(AttachmentStore.this::unstageBack);
          }
        }
      });
    }
    OffsetDateTime now = register.now();
    List<StoredAttachment> stored = new ArrayList<>();
    for (Staged s : staged) {
      String key = "cases/" + trackingNumber + "/" + s.id();
      Path target = properties.dir().resolve(key);
      try {
        Files.createDirectories(target.getParent());
        Files.move(stagingDir().resolve(s.id()), target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException("staged attachment " + s.id() + " is gone", e);
      }
      moved.add(target);
      jdbc.update("INSERT INTO vr_attachment (id, tracking_number, file_name, media_type, size_bytes, sha256, "
              + "storage_key, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          s.id(), trackingNumber, s.fileName(), s.mediaType(), s.sizeBytes(), s.sha256(), key, now);
      stored.add(new StoredAttachment(s.id(), trackingNumber, s.fileName(), s.mediaType(), s.sizeBytes(),
          s.sha256(), now, null));
    }
    if (!staged.isEmpty()) {
      register.event(trackingNumber, CaseRegister.SYSTEM, "ATTACHMENTS_STORED", staged.size() + " file(s)");
    }
    return stored;
  }

  @Transactional(readOnly = true)
  public List<StoredAttachment> forCase(String trackingNumber) {
    register.get(trackingNumber);
    return jdbc.query("SELECT * FROM vr_attachment WHERE tracking_number = ? ORDER BY stored_at, file_name",
        (rs, i) -> new StoredAttachment(rs.getString("id"), rs.getString("tracking_number"),
            rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
            rs.getObject("stored_at", OffsetDateTime.class), rs.getObject("erased_at", OffsetDateTime.class)),
        trackingNumber);
  }

  public StoredAttachment get(String trackingNumber, String id) {
    return forCase(trackingNumber).stream().filter(a -> a.id().equals(id)).findFirst()
        .orElseThrow(() -> new CaseNotFoundException(trackingNumber + " attachment " + id));
  }

  /** The file of a stored (not erased) attachment. */
  public Path file(StoredAttachment a) {
    if (a.erasedAt() != null) {
      throw new CaseNotFoundException(a.trackingNumber() + " attachment " + a.id() + " (erased)");
    }
    return properties.dir().resolve("cases/" + a.trackingNumber() + "/" + a.id());
  }

  /**
   * Erases the case's attachments: the files are deleted, the rows keep type, size and hash (case
   * facts) but lose the name the discoverer gave. Returns how many were erased now.
   */
  @Transactional
  public int erase(String trackingNumber) {
    int n = 0;
    for (StoredAttachment a : forCase(trackingNumber)) {
      if (a.erasedAt() == null) {
        deleteQuietly(properties.dir().resolve("cases/" + trackingNumber + "/" + a.id()));
        jdbc.update("UPDATE vr_attachment SET file_name = ?, erased_at = ? WHERE id = ?", ERASED_NAME,
            register.now(), a.id());
        n++;
      }
    }
    return n;
  }

  /** What an erased attachment is called. */
  public static final String ERASED_NAME = "（削除済み / erased）";

  /** A one-line-per-file summary for Tasklist forms (names as the discoverer gave them, shown as text). */
  public static String summary(List<? extends FileInfo> attachments) {
    StringBuilder sb = new StringBuilder();
    for (FileInfo f : attachments) {
      sb.append(f.fileName()).append(" (").append(f.mediaType()).append(", ").append(humanSize(f.sizeBytes()))
          .append(")\n");
    }
    return sb.toString().strip();
  }

  public static String humanSize(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }

  /** Staged files of abandoned reports are removed after vulnreport.attachments.staging-retention. */
  @Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT1M")
  public void removeAbandonedStaging() {
    Path dir = stagingDir();
    if (!Files.isDirectory(dir)) {
      return;
    }
    Instant limit = Instant.now().minus(properties.stagingRetention());
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(p -> {
        try {
          return Files.getLastModifiedTime(p).toInstant().isBefore(limit);
        } catch (IOException e) {
          return false;
        }
      }).forEach(AttachmentStore::deleteQuietly);
    } catch (IOException e) {
      LOG.warn("Could not clean {}: {}", dir, e.toString());
    }
    stagedBy.keySet().removeIf(id -> !Files.exists(dir.resolve(id)));
  }

  /** Puts a file moved to its case back to staging (its name is the staged id). */
  private void unstageBack(Path movedFile) {
    try {
      Files.move(movedFile, stagingDir().resolve(movedFile.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.error("Could not put {} back to staging after a failed submission: {}", movedFile, e.toString());
    }
  }

  private Path stagingDir() {
    return properties.dir().resolve("staging");
  }

  private ReportValidationException invalid(String key, Object... args) {
    return new ReportValidationException(List.of(new FieldError("attachments",
        messages.getMessage(key, args, LocaleContextHolder.getLocale()))));
  }

  /** The file name as shown, without any directory part or control characters, at most 200 characters. */
  static String cleanName(String name) {
    if (name == null) {
      return "";
    }
    String n = name.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1);
    n = n.codePoints().filter(c -> !Character.isISOControl(c) && c != 0x202E && c != 0x202D)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
    if (n.equals(".") || n.equals("..")) {
      return "";
    }
    return n.length() > 200 ? n.substring(n.length() - 200) : n;
  }

  private static long copyLimited(InputStream in, OutputStream out, long limit) throws IOException {
    byte[] buffer = new byte[8192];
    long total = 0;
    int n;
    while (total < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) > 0) {
      out.write(buffer, 0, n);
      total += n;
    }
    return total;
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      LOG.warn("Could not delete {}: {}", p, e.toString());
    }
  }
}
