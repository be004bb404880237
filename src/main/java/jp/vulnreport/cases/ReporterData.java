package jp.vulnreport.cases;

/** The discoverer's personal data, as kept in the one place that holds it. */
public record ReporterData(
    String name,
    String organization,
    String email,
    String phone,
    boolean shareContactWithDeveloper,
    boolean creditWanted,
    String creditDisplayName) {}
