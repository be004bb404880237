package jp.vulnreport.notification;

/** A file attached to a mail. */
public record Attachment(String fileName, String contentType, byte[] content) {}
