package jp.vulnreport.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP helpers for tests. */
public final class Http {

  private Http() {}

  /** The value of an HTTP Basic Authorization header. */
  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
