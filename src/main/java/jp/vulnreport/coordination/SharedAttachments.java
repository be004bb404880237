package jp.vulnreport.coordination;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import jp.vulnreport.cases.CaseNotFoundException;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.intake.AttachmentStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report's attachments (a proof of concept, screenshots) that a coordinator chose to offer to
 * the case's developers. They are downloaded from the developer's private page, only once its
 * contact point is named, every download logged in the case's timeline; never sent as mail
 * attachments.
 */
@Service
@Transactional
public class SharedAttachments {

  /** An attachment as the developer's page lists it. */
  public record SharedFile(String id, String fileName, long sizeBytes, String sha256) {
    public String humanSize() {
      return AttachmentStore.humanSize(sizeBytes);
    }
  }

  /** An attachment as staff see its sharing. */
  public record Sharing(String id, String fileName, long sizeBytes, boolean shared, String sharedBy,
      OffsetDateTime sharedAt, boolean erased) {}

  private final JdbcTemplate jdbc;
  private final CaseRegister register;
  private final AttachmentStore store;
  private final Coordinations coordinations;

  public SharedAttachments(JdbcTemplate jdbc, CaseRegister register, AttachmentStore store,
      Coordinations coordinations) {
    this.jdbc = jdbc;
    this.register = register;
    this.store = store;
    this.coordinations = coordinations;
  }

  /** Offers the attachment to the case's developers, or withdraws the offer. */
  public Sharing share(String trackingNumber, String attachmentId, boolean shared, String actor) {
    AttachmentStore.StoredAttachment a = store.get(trackingNumber, attachmentId);
    if (shared && a.erasedAt() != null) {
      throw new IllegalArgumentException("削除済みのファイルは共有できません / an erased attachment cannot be shared");
    }
    jdbc.update("UPDATE vr_attachment SET shared_with_developers = ?, shared_by = ?, shared_at = ? WHERE id = ? "
        + "AND tracking_number = ?", shared, actor, register.now(), attachmentId, trackingNumber);
    register.event(trackingNumber, actor, shared ? "ATTACHMENT_SHARED" : "ATTACHMENT_UNSHARED",
        a.fileName() + " (" + a.id() + ")");
    return sharing(trackingNumber).stream().filter(s -> s.id().equals(attachmentId)).findFirst().orElseThrow();
  }

  /** Shares exactly the given attachments of the case (the form's choice); the others are not (or no longer) shared. */
  public void shareExactly(String trackingNumber, List<String> attachmentIds, String actor) {
    java.util.Set<String> chosen = new java.util.HashSet<>(attachmentIds);
    List<Sharing> all = sharing(trackingNumber);
    for (String id : chosen) {
      if (all.stream().noneMatch(a -> a.id().equals(id))) {
        throw new IllegalArgumentException("この案件の添付ファイルから選んでください / choose attachments of this case: " + id);
      }
    }
    for (Sharing a : all) {
      if (a.shared() != chosen.contains(a.id())) {
        share(trackingNumber, a.id(), chosen.contains(a.id()), actor);
      }
    }
  }

  @Transactional(readOnly = true)
  public List<Sharing> sharing(String trackingNumber) {
    register.get(trackingNumber);
    return jdbc.query("SELECT * FROM vr_attachment WHERE tracking_number = ? ORDER BY stored_at, file_name",
        (rs, i) -> new Sharing(rs.getString("id"), rs.getString("file_name"), rs.getLong("size_bytes"),
            rs.getBoolean("shared_with_developers"), rs.getString("shared_by"),
            rs.getObject("shared_at", OffsetDateTime.class), rs.getObject("erased_at") != null), trackingNumber);
  }

  /** The files the developer may download now: none before its contact point is named. */
  @Transactional(readOnly = true)
  public List<SharedFile> forDeveloper(String trackingNumber, String developerId) {
    if (!contactPointNamed(trackingNumber, developerId)) {
      return List.of();
    }
    return jdbc.query("SELECT * FROM vr_attachment WHERE tracking_number = ? AND shared_with_developers = TRUE "
        + "AND erased_at IS NULL ORDER BY stored_at, file_name", (rs, i) -> new SharedFile(rs.getString("id"),
        rs.getString("file_name"), rs.getLong("size_bytes"), rs.getString("sha256")), trackingNumber);
  }

  /** Whether the developer has named its contact point (the files are offered only then). */
  @Transactional(readOnly = true)
  public boolean contactPointNamed(String trackingNumber, String developerId) {
    return coordinations.find(trackingNumber, developerId).map(c -> c.contactPointEmail() != null).orElse(false);
  }

  /** A shared file for the developer's download, logged; empty when it is not shared (or erased). */
  public Optional<Download> download(String trackingNumber, String developerId, String attachmentId) {
    Optional<SharedFile> f = forDeveloper(trackingNumber, developerId).stream()
        .filter(s -> s.id().equals(attachmentId)).findFirst();
    if (f.isEmpty()) {
      return Optional.empty();
    }
    AttachmentStore.StoredAttachment a = store.get(trackingNumber, attachmentId);
    Path file;
    try {
      file = store.file(a);
    } catch (CaseNotFoundException e) {
      return Optional.empty();
    }
    register.event(trackingNumber, "developer:" + developerId, "ATTACHMENT_DOWNLOADED_BY_DEVELOPER",
        developerId + ": " + a.fileName() + " (" + a.id() + ")");
    return Optional.of(new Download(a.fileName(), a.sizeBytes(), a.sha256(), file));
  }

  /** What the page streams. */
  public record Download(String fileName, long sizeBytes, String sha256, Path file) {}
}
