package jp.vulnreport.coordination;

/** No developer of the registry has that id (answered with 404). */
public class DeveloperNotFoundException extends RuntimeException {
  public DeveloperNotFoundException(String id) {
    super("No developer has the id " + id + ".");
  }
}
