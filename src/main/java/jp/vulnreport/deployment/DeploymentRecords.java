package jp.vulnreport.deployment;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import jp.vulnreport.Sha256;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The record of deployments (table vr_deployment_record): who deployed what, and the gate's answer. */
@Component
public class DeploymentRecords {

  public enum Outcome { ACCEPTED, REFUSED }

  /** A resource as recorded. */
  public record Resource(String name, String sha256) {}

  /** One recorded deployment. */
  public record Entry(long id, OffsetDateTime recordedAt, String userId, String deploymentName,
      String deploymentSource, String deploymentId, Outcome outcome, List<String> failures,
      List<Resource> resources) {}

  /** The user recorded when the engine has no authenticated user (the application's start-up). */
  public static final String SYSTEM = "system";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate separate;
  private final Clock clock;

  public DeploymentRecords(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.separate = new TransactionTemplate(transactions);
    this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** Records within the caller's transaction: an accepted deployment is recorded if and only if it is stored. */
  public long record(String user, String name, String source, String deploymentId, Outcome outcome,
      List<String> failures, Map<String, byte[]> resources) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("INSERT INTO vr_deployment_record (recorded_at, user_id,"
          + " deployment_name, deployment_source, deployment_id, outcome, failures) VALUES (?, ?, ?, ?, ?, ?, ?)",
          new String[] {"id"});
      ps.setObject(1, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
      ps.setString(2, user == null ? SYSTEM : user);
      ps.setString(3, truncate(name, 255));
      ps.setString(4, truncate(source, 255));
      ps.setString(5, deploymentId);
      ps.setString(6, outcome.name());
      ps.setString(7, failures.isEmpty() ? null : String.join("\n", failures));
      return ps;
    }, key);
    long id = Objects.requireNonNull(key.getKey()).longValue();
    int seq = 0;
    for (Map.Entry<String, byte[]> r : resources.entrySet()) {
      jdbc.update("INSERT INTO vr_deployment_record_resource (record_id, seq, resource_name, sha256) VALUES (?, ?, ?, ?)",
          id, seq++, truncate(r.getKey(), 1000), Sha256.hex(r.getValue()));
    }
    return id;
  }

  /** Records in a transaction of its own, which stays when the caller's rolls back (a refused deployment). */
  public long recordSeparately(String user, String name, String source, String deploymentId, Outcome outcome,
      List<String> failures, Map<String, byte[]> resources) {
    Long id = separate.execute(status -> record(user, name, source, deploymentId, outcome, failures, resources));
    return Objects.requireNonNull(id);
  }

  /** The latest records first. */
  public List<Entry> latest(int limit) {
    List<Entry> entries = jdbc.query("SELECT id, recorded_at, user_id, deployment_name, deployment_source,"
        + " deployment_id, outcome, failures FROM vr_deployment_record ORDER BY id DESC LIMIT ?",
        (rs, i) -> new Entry(rs.getLong("id"), rs.getObject("recorded_at", OffsetDateTime.class),
            rs.getString("user_id"), rs.getString("deployment_name"), rs.getString("deployment_source"),
            rs.getString("deployment_id"), Outcome.valueOf(rs.getString("outcome")),
            rs.getString("failures") == null ? List.of() : List.of(rs.getString("failures").split("\n")),
            new ArrayList<>()), limit);
    if (entries.isEmpty()) {
      return entries;
    }
    Map<Long, Entry> byId = new LinkedHashMap<>();
    entries.forEach(e -> byId.put(e.id(), e));
    jdbc.query("SELECT record_id, resource_name, sha256 FROM vr_deployment_record_resource WHERE record_id >= ?"
        + " ORDER BY record_id, seq", rs -> {
          Entry e = byId.get(rs.getLong("record_id"));
          if (e != null) {
            e.resources().add(new Resource(rs.getString("resource_name"), rs.getString("sha256")));
          }
        }, entries.get(entries.size() - 1).id());
    return entries;
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
