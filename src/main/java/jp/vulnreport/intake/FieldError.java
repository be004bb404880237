package jp.vulnreport.intake;

/** One invalid field of a submitted report, as the API returns it. */
public record FieldError(String field, String message) {}
