package jp.vulnreport.security;

import java.util.List;

/** The staff groups (DESIGN.md §1). Candidate groups in the BPMN files use these ids. */
public final class Groups {

  public static final String RECEIPT = "receipt";
  public static final String ANALYST = "analyst";
  public static final String COORDINATION = "coordination";
  public static final String LIAISON = "liaison";
  public static final String MANAGER = "manager";
  /** Process owners change diagrams, decision tables and forms (Modeler) and deploy them. */
  public static final String PROCESS_OWNER = "process-owner";
  public static final String ADMIN = "camunda-admin";

  public static final List<String> STAFF = List.of(RECEIPT, ANALYST, COORDINATION, LIAISON, MANAGER);

  private Groups() {}
}
