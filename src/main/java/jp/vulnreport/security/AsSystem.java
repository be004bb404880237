package jp.vulnreport.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine work as the application rather than the calling user: for actions whose right was
 * checked by our own API (the group check) but that touch processes the user's group may not
 * update directly (correlating a case's messages, erasing history). The caller's authentication is
 * restored afterwards.
 */
public final class AsSystem {

  private AsSystem() {}

  public static <T> T call(IdentityService identity, Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
