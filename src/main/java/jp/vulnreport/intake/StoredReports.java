package jp.vulnreport.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The report as the discoverer sent it, read back from the case register. */
@Component
public class StoredReports {

  private final JdbcTemplate jdbc;
  private final ObjectMapper mapper;

  public StoredReports(JdbcTemplate jdbc, ObjectMapper mapper) {
    this.jdbc = jdbc;
    this.mapper = mapper;
  }

  public ReportSubmission get(String trackingNumber) {
    String json = jdbc.queryForObject("SELECT report_json FROM vr_case WHERE tracking_number = ?", String.class,
        trackingNumber);
    try {
      return mapper.readValue(json, ReportSubmission.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored report of " + trackingNumber + " is unreadable", e);
    }
  }
}
