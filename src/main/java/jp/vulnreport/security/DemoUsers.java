package jp.vulnreport.security;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo users (password "demo"), only where vulnreport.demo-users.enabled is true: the local profile. */
@Component
@Order(2)
@ConditionalOnProperty(name = "vulnreport.demo-users.enabled", havingValue = "true")
public class DemoUsers implements ApplicationRunner {

  static final Map<String, String> USERS = Map.of(
      "receipt1", Groups.RECEIPT,
      "analyst1", Groups.ANALYST,
      "coordinator1", Groups.COORDINATION,
      "liaison1", Groups.LIAISON,
      "liaison2", Groups.LIAISON,
      "manager1", Groups.MANAGER,
      "owner1", Groups.PROCESS_OWNER);

  private final IdentityService identity;

  public DemoUsers(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void run(ApplicationArguments args) {
    USERS.forEach((id, group) -> {
      if (identity.createUserQuery().userId(id).count() == 0) {
        User u = identity.newUser(id);
        u.setFirstName(id);
        u.setLastName("(demo)");
        u.setEmail(id + "@localhost");
        u.setPassword("demo");
        identity.saveUser(u);
      }
      if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identity.createMembership(id, group);
      }
    });
  }
}
