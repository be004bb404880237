package jp.vulnreport.cases;

import java.time.OffsetDateTime;

/** One line of a case's timeline. */
public record CaseEvent(OffsetDateTime occurredAt, String actor, String type, String detail) {}
