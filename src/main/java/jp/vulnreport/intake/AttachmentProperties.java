package jp.vulnreport.intake;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Attachments of reports: where they are kept (outside the web root; on several nodes a shared
 * volume), the limits per report, and the bounds of what waits in staging (files of reports not
 * yet submitted): per client address and in all.
 */
@ConfigurationProperties("vulnreport.attachments")
public record AttachmentProperties(
    @DefaultValue("./data/attachments") Path dir,
    @DefaultValue("5") int maxFiles,
    @DefaultValue("10MB") DataSize maxFileSize,
    @DefaultValue("25MB") DataSize maxTotalSize,
    /** How long files of a report that was never submitted are kept (sessions end after 30 minutes). */
    @DefaultValue("PT2H") java.time.Duration stagingRetention,
    /** Staged files from one client address (on one node), all its drafts together. */
    @DefaultValue("50MB") DataSize maxStagedPerAddress,
    /** Staged files in all (the staging directory, shared by the nodes). */
    @DefaultValue("2GB") DataSize maxStagedTotal) {}
