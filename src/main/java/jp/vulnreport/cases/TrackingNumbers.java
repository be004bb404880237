package jp.vulnreport.cases;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tracking numbers {@code IPA-YYYY-NNNNN}: unique and sequential per year. The counter row is
 * updated (and so locked) inside the caller's transaction, so concurrent intakes queue on it and a
 * rolled-back intake gives its number back: no duplicates, no gaps.
 */
@Component
public class TrackingNumbers {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate newTransaction;

  public TrackingNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public String next(int year) {
    for (int attempt = 0; attempt < 3; attempt++) {
      int updated = jdbc.update(
          "UPDATE vr_tracking_sequence SET last_value = last_value + 1 WHERE seq_year = ?", year);
      if (updated == 0) {
        try {
          createYear(year);
        } catch (DuplicateKeyException raced) {
          // another intake created the row first; update it on the next attempt
        }
        continue;
      }
      Integer value = jdbc.queryForObject(
          "SELECT last_value FROM vr_tracking_sequence WHERE seq_year = ?", Integer.class, year);
      return format(year, value);
    }
    throw new IllegalStateException("could not allocate a tracking number for " + year);
  }

  /** The first intake of a year creates the counter in its own transaction so others can use it. */
  private void createYear(int year) {
    newTransaction.executeWithoutResult(status ->
        jdbc.update("INSERT INTO vr_tracking_sequence (seq_year, last_value) VALUES (?, 0)", year));
  }

  static String format(int year, int value) {
    return String.format("IPA-%d-%05d", year, value);
  }
}
