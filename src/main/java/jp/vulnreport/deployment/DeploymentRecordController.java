package jp.vulnreport.deployment;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The record of deployments, latest first (HTTP Basic; managers, process owners and administrators:
 * WebSecurityConfig#deploymentRecordApiAuthentication).
 */
@RestController
public class DeploymentRecordController {

  private final DeploymentRecords records;

  public DeploymentRecordController(DeploymentRecords records) {
    this.records = records;
  }

  @GetMapping("/api/deployments")
  public List<DeploymentRecords.Entry> latest(@RequestParam(defaultValue = "100") int limit) {
    return records.latest(Math.max(1, Math.min(limit, 1000)));
  }
}
