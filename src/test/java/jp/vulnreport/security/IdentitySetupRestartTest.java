package jp.vulnreport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import jp.vulnreport.process.ProcessKeys;
import jp.vulnreport.support.Cases;
import jp.vulnreport.support.IntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A start on a database whose grants drifted (an earlier version's, a hand edit) puts the matrix back
 * exactly: extra permissions taken away, missing grants written, outdated ones removed; the engine's
 * per-task grants left alone.
 */
class IdentitySetupRestartTest extends IntegrationTest {

  @Autowired IdentitySetup setup;
  @Autowired AuthorizationService authorizations;
  @Autowired Cases cases;

  @Test
  void aRestartPutsDriftedGrantsBackAndLeavesTheEnginesPerTaskGrants() {
    cases.atFormalCheck("report-product", n -> { });
    long perTask = perTaskGrants();
    assertThat(perTask).isPositive();

    Authorization definition = grant(Groups.RECEIPT, Resources.PROCESS_DEFINITION, ProcessKeys.SOFTWARE_VULNERABILITY_REPORT);
    definition.addPermission(Permissions.DELETE);
    authorizations.saveAuthorization(definition);
    authorizations.deleteAuthorization(grant(Groups.RECEIPT, Resources.APPLICATION, "tasklist").getId());
    Authorization managerTasks = grant(Groups.MANAGER, Resources.TASK, "*");
    managerTasks.addPermission(Permissions.UPDATE);
    authorizations.saveAuthorization(managerTasks);
    Authorization outdated = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    outdated.setGroupId(Groups.RECEIPT);
    outdated.setResource(Resources.PROCESS_DEFINITION);
    outdated.setResourceId("AnEarlierVersionsProcess");
    outdated.addPermission(Permissions.READ);
    authorizations.saveAuthorization(outdated);

    setup.run(null);

    Authorization restored = grant(Groups.RECEIPT, Resources.PROCESS_DEFINITION, ProcessKeys.SOFTWARE_VULNERABILITY_REPORT);
    assertThat(restored.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(restored.isPermissionGranted(Permissions.DELETE)).isFalse();
    assertThat(grant(Groups.RECEIPT, Resources.APPLICATION, "tasklist").isPermissionGranted(Permissions.ACCESS)).isTrue();
    Authorization managerRestored = grant(Groups.MANAGER, Resources.TASK, "*");
    assertThat(managerRestored.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(managerRestored.isPermissionGranted(Permissions.UPDATE)).isFalse();
    assertThat(authorizations.createAuthorizationQuery().groupIdIn(Groups.RECEIPT)
        .resourceId("AnEarlierVersionsProcess").count()).isZero();
    assertThat(perTaskGrants()).isEqualTo(perTask);
  }

  private Authorization grant(String group, Resource resource, String resourceId) {
    return authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(resourceId)
        .singleResult();
  }

  private long perTaskGrants() {
    return authorizations.createAuthorizationQuery().groupIdIn(Groups.RECEIPT).resourceType(Resources.TASK).list()
        .stream().filter(a -> !"*".equals(a.getResourceId())).count();
  }
}
